import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { Campaign } from '../../src/api/contract.js';
import { setLocale } from '../../src/i18n/index.js';
import { loadLocale } from '../../src/i18n/load-locale.js';
import { applyFixture } from '../../src/mocks/fixtures.js';
import { footer } from '../../src/ui/footer.js';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { backgroundBehind, contrast, parseColor, type Rgba } from '../helpers/a11y.js';
import { button, choose, control, inner, normalise, shadow, type, until } from '../helpers/dom.js';
import { atStep, confirmStep1, loggedIn, mount, next, screen, useMockBackend } from '../helpers/journey.js';
import {
  composedParent,
  deepElements,
  eachScreen,
  named,
  nothingFoundOnAnyScreen,
  onStep1,
  SCREENS,
  settle,
  shownIn,
  shownTexts,
  type ScreenName,
} from './screens.js';

/**
 * What the eye needs on every screen: no motion when it is refused (WCAG 2.3.3; RGAA 13.8), text
 * contrast (1.4.3; RGAA 3.2), targets of 24 × 24 px (2.5.8), focus never under a theme's sticky
 * header (2.4.11), a login that lets password managers and paste in (3.3.8; RGAA 11.13), no
 * state told by colour alone (1.4.1; RGAA 3.1), controls whose edges show (1.4.11; RGAA 3.3), and
 * the town's accessibility statement on every screen.
 */
const API = '/api-visual-test';
const mock = useMockBackend(API);

// ------------------------------------------------------------------ motion

/** The longest a change takes to play out on `el`, in seconds: its transitions (delay included) and animations. */
function motion(el: Element): number {
  const style = getComputedStyle(el);
  const seconds = (list: string) => list.split(',').map((s) => (s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)) || 0);
  const transitions = seconds(style.transitionDuration).map((d, i) => d + (seconds(style.transitionDelay)[i] ?? 0));
  const animations = style.animationName === 'none' ? [] : seconds(style.animationDuration);
  return Math.max(0, ...transitions, ...animations);
}

/** A theme that animates what it may style from outside: every part of the widget. */
const THEME_MOTION = `
  @keyframes theme-pulse { from { opacity: 0.5; } to { opacity: 1; } }
  reinscription-wizard::part(nav), reinscription-wizard::part(alert), reinscription-wizard::part(field),
  reinscription-wizard::part(heading), reinscription-wizard::part(stepper), reinscription-wizard::part(badge) {
    transition: opacity 2s ease 0.5s, transform 1s;
    animation: theme-pulse 3s infinite;
  }
`;

describe('prefers-reduced-motion: reduce', () => {
  const theme = new CSSStyleSheet();
  theme.replaceSync(THEME_MOTION);
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, theme];
  });
  after(async () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== theme);
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('without the preference, the theme’s transitions and animations play (so the check below sees them)', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await mount(API);
    await settle(el);
    const moving = shownIn(el, '*').filter((e) => motion(e) > 1);
    expect(moving.length, 'parts the theme animates').to.be.greaterThan(0);
  });

  it('with it, nothing on any screen moves for longer than 0.01 s, the theme’s own motion included', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'reduced motion emulated').to.equal(true);
    await nothingFoundOnAnyScreen(API, (el) =>
      [...deepElements(shadow(el))].filter((e) => motion(e) > 0.01).map((e) => `${named(e)} moves for ${motion(e)} s`),
    );
  });
});

// ------------------------------------------------------------------ contrast

/** `top` painted over the opaque `below`. */
const over = (top: Rgba, below: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as unknown as Rgba;

/** Whether `el` or an ancestor is an inactive control (exempt from contrast, WCAG 1.4.3). */
const inactive = (el: Element): boolean => {
  for (let at: Element | null = el; at; at = composedParent(at)) if (at.matches(':disabled')) return true;
  return false;
};

/** Everything `el`'s ancestors' opacity takes away. */
const opacity = (el: Element): number => {
  let value = 1;
  for (let at: Element | null = el; at; at = composedParent(at)) value *= Number(getComputedStyle(at).opacity);
  return value;
};

/** WCAG's large text: 24 px, or 18.66 px in bold. */
const large = (style: CSSStyleDeclaration) => parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);

/** Each piece of text on the screen shown whose contrast with what is behind it is below 4.5:1 (3:1 when large). */
function lowContrast(el: ReinscriptionWizard): string[] {
  return shownTexts(el).flatMap(({ text, parent }) => {
    if (inactive(parent)) return [];
    const style = getComputedStyle(parent);
    const [r, g, b, a] = parseColor(style.color);
    const fg: Rgba = [r, g, b, a * opacity(parent)];
    const bg = over(parseColor(style.backgroundColor), backgroundBehind(parent));
    const ratio = contrast(fg, bg);
    const needed = large(style) ? 3 : 4.5;
    return ratio < needed
      ? [`« ${normalise(text.textContent).slice(0, 40)} » in ${named(parent)}: ${ratio.toFixed(2)}:1 (${style.color} on ${bg.join(',')}), ${needed}:1 needed`]
      : [];
  });
}

describe('text contrast in the default theme', () => {
  it('every text on every screen is at least 4.5:1 against its background (3:1 when large)', async () => {
    await nothingFoundOnAnyScreen(API, lowContrast);
  });

  it('so are the error messages and the error summary', async () => {
    const el = await onStep1(API);
    next(el);
    await until(() => screen(el).querySelector('.error-summary'), 'the error summary');
    await settle(el);
    expect(shownIn(el, '.error').length, 'error messages').to.be.greaterThan(0);
    expect(lowContrast(el)).to.deep.equal([]);
  });
});

// ------------------------------------------------------------------ non-text contrast

const TEXT_FIELDS = 'input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox]), select, textarea';
const BOXES = 'input[type=radio], input[type=checkbox]';
const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** The sides of `el`'s border that are drawn, each with its colour as painted (the ancestors' opacity included). */
function drawnBorder(el: Element): { side: (typeof SIDES)[number]; css: string; colour: Rgba }[] {
  const style = getComputedStyle(el);
  return SIDES.flatMap((side) => {
    const css = style.getPropertyValue(`border-${side}-color`);
    const [r, g, b, a] = parseColor(css);
    const drawn = style.getPropertyValue(`border-${side}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && a > 0;
    return drawn ? [{ side, css, colour: [r, g, b, a * opacity(el)] as Rgba }] : [];
  });
}

/**
 * What shows where each control is, below 3:1 against the colour behind it (WCAG 1.4.11): a text
 * field's or a list's border (which it must have), a bordered button's border; a button without
 * one is known by its words, whose contrast the text test checks. Radios and boxes are drawn by
 * the browser (its outline is Chromium's #767676, 4.5:1 on white); the widget styles only their
 * accent, which must be 3:1 too.
 */
function lowNonTextContrast(el: ReinscriptionWizard): string[] {
  const problems: string[] = [];
  for (const control of shownIn(el, `${TEXT_FIELDS}, button`)) {
    if (inactive(control)) continue;
    const behind = backgroundBehind(control);
    const sides = drawnBorder(control);
    if (!sides.length && control.localName !== 'button') problems.push(`${named(control)} has no border`);
    for (const { side, css, colour } of sides) {
      const ratio = contrast(colour, behind);
      if (ratio < 3) problems.push(`${named(control)}: ${side} border ${css} on ${behind.join(',')} is ${ratio.toFixed(2)}:1, 3:1 needed`);
    }
  }
  for (const box of shownIn(el, BOXES)) {
    if (inactive(box)) continue;
    const style = getComputedStyle(box);
    if (style.appearance !== 'auto') problems.push(`${named(box)} is not drawn by the browser (appearance: ${style.appearance})`);
    if (style.accentColor === 'auto') continue;
    const behind = backgroundBehind(box);
    const ratio = contrast(parseColor(style.accentColor), behind);
    if (ratio < 3) problems.push(`${named(box)}: accent ${style.accentColor} on ${behind.join(',')} is ${ratio.toFixed(2)}:1, 3:1 needed`);
  }
  return problems;
}

describe('non-text contrast in the default theme (WCAG 1.4.11)', () => {
  it('every text field’s, list’s and bordered button’s border, and the radios’ and boxes’ accent, is at least 3:1 against what is behind it, on every screen', async () => {
    let checked = 0;
    await nothingFoundOnAnyScreen(API, (el) => {
      checked += shownIn(el, `${TEXT_FIELDS}, button, ${BOXES}`).length;
      return lowNonTextContrast(el);
    });
    expect(checked, 'controls checked').to.be.greaterThan(40);
  });

  it('so are the fields in error', async () => {
    const el = await onStep1(API, { everyField: true });
    type(control(screen(el), 'E-mail'), 'pas une adresse');
    next(el);
    await until(() => screen(el).querySelector('[aria-invalid=true]'), 'a field in error');
    await settle(el);
    expect(lowNonTextContrast(el)).to.deep.equal([]);
  });
});

// ------------------------------------------------------------------ target size

const TARGETS = 'button, a[href], input:not([type=hidden]):not([type=file]), select, textarea, summary';

/** A link inside a sentence (WCAG 2.5.8's inline exception): the text around it is more than its own. */
const inSentence = (a: HTMLElement): boolean => {
  const block = a.closest('p, li, dd, td, label') ?? a.parentElement;
  return !!block && normalise(block.textContent).length > normalise(a.textContent).length;
};

describe('target size (WCAG 2.5.8)', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [800, 320]) {
    it(`every button, link and field on every screen is at least 24 × 24 px at ${width} px (links inside a sentence aside)`, async () => {
      await setViewport({ width, height: 800 });
      await nothingFoundOnAnyScreen(API, (el) =>
        shownIn(el, TARGETS)
          .filter((t) => !(t.localName === 'a' && inSentence(t)))
          .flatMap((t) => {
            const box = t.getBoundingClientRect();
            return box.width >= 24 && box.height >= 24 ? [] : [`${named(t)} is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`];
          }),
      );
    });
  }
});

// ------------------------------------------------------------------ focus not obscured

const FOCUS_TARGETS = `${TARGETS}, [tabindex], h2, h3`;

describe('focus not hidden under a sticky header (WCAG 2.4.11)', () => {
  it('every focus target keeps --rw-scroll-margin (80 px by default) above and below it, on every screen', async () => {
    await nothingFoundOnAnyScreen(API, (el) =>
      shownIn(el, FOCUS_TARGETS).flatMap((t) => {
        const style = getComputedStyle(t);
        return style.scrollMarginTop === '80px' && style.scrollMarginBottom === '80px'
          ? []
          : [`${named(t)}: scroll margin ${style.scrollMarginTop} / ${style.scrollMarginBottom}`];
      }),
    );
  });

  it('a theme sets it to its header’s height, and focus moved by the wizard lands below that header', async () => {
    const header = Object.assign(document.createElement('header'), { textContent: 'Ville de Limonest' });
    header.style.cssText = 'position: fixed; inset: 0 0 auto 0; height: 120px; background: #fff; z-index: 10';
    const filler = document.createElement('div');
    filler.style.height = '3000px';
    document.body.prepend(header);
    document.body.append(filler);
    try {
      const el = await loggedIn(API);
      el.style.setProperty('--rw-scroll-margin', '136px');
      button(inner(el, 'reinscription-family-home'), 'Je souhaite réinscrire MOREAU Gianni').click();
      await atStep(el, 1);
      await until(() => screen(el).querySelector('input'), 'the coordinates form');
      const heading = shadow(el).querySelector<HTMLElement>('#step-heading')!;
      expect(getComputedStyle(heading).scrollMarginTop).to.equal('136px');
      // The heading scrolled under the header (in the viewport, so a browser sees no need to scroll
      // for it), then the wizard moves focus to it: it must come out from under the header.
      heading.blur();
      window.scrollBy(0, heading.getBoundingClientRect().top - 40);
      await settle(el);
      expect(heading.getBoundingClientRect().top, 'the heading under the header first').to.be.below(120);
      heading.focus();
      await settle(el);
      expect(shadow(el).activeElement).to.equal(heading);
      expect(heading.getBoundingClientRect().top, 'the heading’s top, below the 120 px header').to.be.at.least(120);
    } finally {
      header.remove();
      filler.remove();
      window.scrollTo(0, 0);
    }
  });
});

// ------------------------------------------------------------------ login

describe('the login lets password managers and paste in (WCAG 3.3.8)', () => {
  it('identifier and password are a real form with username / current-password, and paste is never refused', async () => {
    const el = await mount(API);
    const login = await until(() => inner(el, 'reinscription-login').querySelector('form') && inner(el, 'reinscription-login'), 'the login');
    const identifier = control(login, 'Identifiant');
    const password = control(login, 'Mot de passe');
    expect(identifier.autocomplete).to.equal('username');
    expect(password.autocomplete).to.equal('current-password');
    expect(password.type).to.equal('password');
    expect(identifier.form, 'the identifier in a form').to.exist;
    expect(password.form, 'the password in the same form').to.equal(identifier.form);
    expect(identifier.form!.querySelector('[type=submit]'), 'a submit button').to.exist;
    for (const input of [identifier, password]) {
      expect(input.readOnly || input.disabled).to.equal(false);
      for (const type of ['paste', 'copy', 'cut'] as const) {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', 'MOREAU-0142');
        const event = new ClipboardEvent(type, { clipboardData, bubbles: true, cancelable: true, composed: true });
        expect(input.dispatchEvent(event), `${type} in « ${normalise(input.labels?.[0]?.textContent)} » not refused`).to.equal(true);
      }
    }
  });
});

// ------------------------------------------------------------------ colour alone

describe('no information by colour alone (WCAG 1.4.1)', () => {
  it('each student’s status on the home is said in words, different words for different statuses', async () => {
    applyFixture(mock.backend.store, 'draft-at-step-5');
    const el = await loggedIn(API);
    const home = inner(el, 'reinscription-family-home');
    const badges = [...home.querySelectorAll<HTMLElement>('.badge')];
    expect(badges.length, 'one badge per student').to.equal(home.querySelectorAll('.student').length);
    const said = new Map<string, string>();
    for (const badge of badges) {
      const text = normalise(badge.innerText);
      expect(text, 'a status said on screen').not.to.equal('');
      expect(normalise(badge.textContent)).to.match(/^Statut : /);
      said.set(
        [...badge.classList].find((c) => c.startsWith('badge--'))!,
        text,
      );
    }
    expect(said.size, 'two statuses (a draft, one to do)').to.equal(2);
    expect(new Set(said.values()).size, 'as many words as statuses').to.equal(said.size);
  });

  it('each piece’s state, each field in error and the current step are said in words', async () => {
    const el = await onStep1(API);
    expect(normalise(shadow(el).querySelector('[aria-current=step]')?.textContent), 'the current step').to.equal('1 Modification des coordonnées');
    next(el);
    await until(() => screen(el).querySelector('.error-summary'), 'the error summary');
    for (const field of screen(el).querySelectorAll('.field--error'))
      expect(normalise(field.querySelector('.error')?.textContent), named(field)).to.match(/^Erreur : ./);
    // Step 3: each row's state in words.
    await confirmStep1(screen(el));
    next(el);
    await atStep(el, 2);
    await until(() => screen(el).querySelector('fieldset'), 'the authorisations');
    await choose(screen(el), "Droit à l'image", 'Oui');
    await choose(screen(el), 'Autorisation de sortie', 'Non');
    next(el);
    await atStep(el, 3);
    const rows = await until(() => [...screen(el).querySelectorAll('tbody tr')], 'the pieces');
    for (const row of rows)
      expect(normalise(row.querySelector('td[data-label="État"]')?.textContent), named(row)).to.match(/^(À fournir|Fourni|Facultatif|Déjà fournie)/);
  });
});

// ------------------------------------------------------------------ accessibility statement

describe('the « Déclaration d’accessibilité » (a French public body’s legal obligation)', () => {
  it('comes with the campaign, and the footer links to it beside the contact line, in a new window', async () => {
    const campaign = Campaign.parse(mock.backend.store.campaign());
    expect(campaign.accessibility?.url).to.match(/^https:\/\//);
    const box = await fixture<HTMLElement>(html`<div>${footer(campaign.contactEmail, campaign.accessibility)}</div>`);
    const link = box.querySelector<HTMLAnchorElement>('.accessibility a')!;
    expect(link.href).to.equal(campaign.accessibility!.url);
    expect(normalise(link.textContent)).to.equal(normalise(`Déclaration d’accessibilité (${campaign.accessibility!.status}) (nouvelle fenêtre)`));
    expect([link.target, link.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect(normalise(box.querySelector('.contact')?.textContent)).to.include(campaign.contactEmail);
    // On the home, whose own footer has the contact line: the link alone.
    const alone = await fixture<HTMLElement>(html`<div>${footer(undefined, campaign.accessibility)}</div>`);
    expect(alone.querySelector('.contact')).to.equal(null);
    expect(alone.querySelector('.accessibility a')).to.exist;
  });

  it('on an English page, the town’s French status says lang="fr"', async () => {
    const { accessibility } = mock.backend.store.campaign();
    await loadLocale('en');
    setLocale('en');
    try {
      const box = await fixture<HTMLElement>(html`<div>${footer(undefined, accessibility)}</div>`);
      expect(normalise(box.querySelector('.accessibility a')?.textContent)).to.equal(
        'Accessibility statement (partiellement conforme) (opens in a new window)',
      );
      expect(box.querySelector('.accessibility [lang]')?.getAttribute('lang')).to.equal('fr');
    } finally {
      setLocale('fr');
    }
    const french = await fixture<HTMLElement>(html`<div>${footer(undefined, accessibility)}</div>`);
    expect(french.querySelector('.accessibility [lang]'), 'no lang needed on a French page').to.equal(null);
  });

  it('is linked on every screen once the campaign is there, the login included', async () => {
    const { url } = mock.backend.store.campaign().accessibility!;
    const link = (el: ReinscriptionWizard) => shownIn(el, '.accessibility a[href]').find((a) => (a as HTMLAnchorElement).href === url);
    const missing: ScreenName[] = [];
    const seen = await eachScreen(API, async (name, el) => {
      // The login shows before the campaign arrives; every later screen has it already.
      if (name === 'login') await until(() => link(el), 'the campaign on the login').catch(() => undefined);
      if (!link(el)) missing.push(name);
    });
    expect(seen).to.deep.equal([...SCREENS]);
    expect(missing, 'screens without the link').to.deep.equal([]);
  });

  it('is left out when the campaign has none, and so is the footer when there is nothing to say', async () => {
    const box = await fixture<HTMLElement>(html`<div>${footer('conservatoire@limonest.fr', undefined)}</div>`);
    expect(box.querySelector('.accessibility')).to.equal(null);
    expect(box.querySelector('.contact')).to.exist;
    const empty = await fixture<HTMLElement>(html`<div>${footer('', undefined)}</div>`);
    expect(empty.querySelector('.footer')).to.equal(null);
  });
});
