/**
 * What the markup itself says to assistive technology, on every screen of the journey: language
 * codes a screen reader knows (RGAA 8.8), no element used only for how it looks (8.9), no change
 * of reading direction left unsaid (8.10); what is left without the style sheets: the look done
 * by CSS alone (10.1), in the order the markup reads (10.2, 10.3), with no words that only CSS
 * writes (10.14); and no cryptic content without a relevant alternative (13.5, 13.6).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { en } from '../../src/i18n/en.js';
import { setLocale } from '../../src/i18n/index.js';
import { appCatalogue } from '../../src/i18n/fr/app-catalogue.js';
import { fr } from '../../src/i18n/fr/index.js';
import { stepsCatalogue } from '../../src/i18n/fr/steps-catalogue.js';
import { control, inner, normalise, shadow, type, until } from '../helpers/dom.js';
import { screen, useMockBackend } from '../helpers/journey.js';
import { deepElements, deepRoots, hiddenFromSight, named, nothingFoundOnAnyScreen, onStep1, settle, shownTexts } from './screens.js';

const API = '/api-a11y-markup';
useMockBackend(API);

/** The languages the widget speaks; any `lang` it writes must be one of them, as a valid BCP 47 tag. */
const SPOKEN = ['fr', 'en'];

/** Each `lang` the widget writes (the page's own on the element aside) that is not a valid tag for a language it speaks. */
function badLanguageCodes(el: Element): string[] {
  return deepElements(shadow(el)).flatMap((e) => {
    if (!e.hasAttribute('lang')) return [];
    const lang = e.getAttribute('lang')!;
    let canonical: string | undefined;
    try {
      [canonical] = Intl.getCanonicalLocales(lang);
    } catch {
      // Not a BCP 47 tag at all.
    }
    return canonical && SPOKEN.includes(canonical.split('-')[0]!) ? [] : [`${named(e)}: lang="${lang}"`];
  });
}

/** Elements that only say how text looks, which a screen reader cannot convey (CSS does that). */
const PRESENTATIONAL = 'b, i, u, s, font, center, big, small, strike, tt, blink, marquee, basefont, spacer';

/**
 * Markup used only for its look: presentational elements, <br> for spacing (two in a row, or
 * opening or closing a block), empty paragraphs and headings used as spacers, a layout table (no
 * header cell, or role="presentation"), a quotation or list used to indent. Live regions are
 * empty until they speak, and are left out.
 */
function presentationalMarkup(el: ReinscriptionWizard): string[] {
  return deepRoots(el).flatMap((root) =>
    [...root.querySelectorAll('*')].flatMap((e) => {
      if (e.matches(PRESENTATIONAL)) return [`<${e.localName}> in ${named(e.parentElement ?? e)}`];
      if (e.localName === 'br') {
        const previous = besideIt(e, 'previousSibling');
        if (!previous || !besideIt(e, 'nextSibling')) return [`<br> opening or closing ${named(e.parentElement!)}`];
        if (previous instanceof Element && previous.localName === 'br') return [`two <br> in a row in ${named(e.parentElement!)}`];
        return [];
      }
      if (
        e.matches('p, h1, h2, h3, h4, h5, h6, li, dt, dd') &&
        !e.closest('[role=status], [role=alert], [aria-live]') &&
        !normalise(e.textContent) &&
        !e.querySelector('img, svg, input, button, select, textarea, a')
      )
        return [`empty ${named(e)}`];
      if (e.localName === 'table' && (e.matches('[role=presentation], [role=none]') || !e.querySelector('th, [role=columnheader], [role=rowheader]')))
        return [`layout table ${named(e)}`];
      if (e.localName === 'blockquote') return [`<blockquote> ${named(e)}`];
      if ((e.localName === 'ul' || e.localName === 'ol') && !e.querySelector(':scope > li')) return [`list without items ${named(e)}`];
      return [];
    }),
  );
}

/** The first sibling of `br` that way which is not blank text or a comment (Lit's markers); null at the edge of its parent. */
function besideIt(br: Element, way: 'previousSibling' | 'nextSibling'): ChildNode | null {
  let n = br[way];
  while (n && (n.nodeType === Node.COMMENT_NODE || (n.nodeType === Node.TEXT_NODE && !normalise(n.textContent)))) n = n[way];
  return n;
}

/** A reading direction set inside the widget: French and English read left to right, so none should be. */
function directionChanges(el: ReinscriptionWizard): string[] {
  return [el, ...deepElements(shadow(el))].flatMap((e) => {
    const problems: string[] = [];
    if (e.hasAttribute('dir')) problems.push(`${named(e)}: dir="${e.getAttribute('dir')}"`);
    if (e instanceof HTMLElement && getComputedStyle(e).direction !== 'ltr') problems.push(`${named(e)}: direction ${getComputedStyle(e).direction}`);
    if (e.localName === 'bdo') problems.push(`<bdo> ${named(e)}`);
    return problems;
  });
}

describe('language codes (RGAA 8.8)', () => {
  afterEach(() => setLocale('fr'));

  it('every lang on every screen is a valid code of a language the widget speaks', async () => {
    await nothingFoundOnAnyScreen(API, badLanguageCodes);
  });

  it('so in English, and on a page in a language it does not speak, whose code it never copies', async () => {
    for (const lang of ['en-GB', 'de', 'x-klingon']) {
      const el = await fixture<ReinscriptionWizard>(html`<reinscription-wizard api-url=${API} lang=${lang}></reinscription-wizard>`);
      // English arrives as a chunk of its own, after the French login has shown.
      const identifier = lang === 'en-GB' ? 'Username' : 'Identifiant';
      await until(() => control(inner(el, 'reinscription-login'), identifier), `the login (${lang})`);
      await settle(el);
      const content = shadow(el).querySelector('[lang]')?.getAttribute('lang');
      expect(content, `the content's language on a lang="${lang}" element`).to.equal(lang === 'en-GB' ? 'en' : 'fr');
      expect(badLanguageCodes(el), lang).to.deep.equal([]);
      el.remove();
      setLocale('fr');
    }
  });
});

describe('no markup for presentation only (RGAA 8.9)', () => {
  it('no presentational element, spacer line break, empty paragraph or heading, or layout table on any screen', async () => {
    await nothingFoundOnAnyScreen(API, presentationalMarkup);
  });
});

describe('reading direction (RGAA 8.10)', () => {
  it('no dir attribute, bdo element or right-to-left text on any screen: both languages read left to right', async () => {
    await nothingFoundOnAnyScreen(API, directionChanges);
  });
});

/** HTML's presentational attributes: the look said in the markup rather than in a style sheet. */
const LOOK_ATTRIBUTES = [
  'style',
  'align',
  'valign',
  'bgcolor',
  'background',
  'color',
  'face',
  'border',
  'cellpadding',
  'cellspacing',
  'hspace',
  'vspace',
  'nowrap',
  'clear',
];
/** width / height are the look too, but on what draws pixels, where they are its size. */
const SIZED = 'img, canvas, svg, video, iframe, input[type=image]';

function lookInMarkup(el: ReinscriptionWizard): string[] {
  return deepElements(shadow(el)).flatMap((e) => {
    const found = LOOK_ATTRIBUTES.filter((a) => e.hasAttribute(a));
    if (!e.matches(SIZED)) found.push(...['width', 'height'].filter((a) => e.hasAttribute(a)));
    return found.map((a) => `${named(e)}: ${a}="${e.getAttribute(a)}"`);
  });
}

/**
 * What CSS draws elsewhere than the markup puts it, for what is drawn for the eye: flex or grid
 * order, reversed rows, floats, explicit grid places, absolute or fixed positions (a visually
 * hidden text, for screen readers only, is not drawn and may be placed anywhere).
 */
function reordered(el: ReinscriptionWizard): string[] {
  return deepElements(shadow(el)).flatMap((e) => {
    if (hiddenFromSight(e)) return [];
    const s = getComputedStyle(e);
    const found: string[] = [];
    if (s.order !== '0') found.push(`order ${s.order}`);
    if (/reverse/.test(`${s.flexDirection} ${s.flexWrap}`)) found.push(`flex ${s.flexDirection} ${s.flexWrap}`);
    if (s.float !== 'none') found.push(`float ${s.float}`);
    if (s.position === 'absolute' || s.position === 'fixed') found.push(`position ${s.position}`);
    if (s.gridRowStart !== 'auto' || s.gridColumnStart !== 'auto') found.push(`grid place ${s.gridRowStart} / ${s.gridColumnStart}`);
    return found.map((f) => `${named(e)}: ${f}`);
  });
}

/**
 * Words written by CSS (::before, ::after): each must have an empty alternative (`/ ""`), so a
 * screen reader does not read them twice, and say its cell's column header, which the markup
 * gives to those who do not see the style sheet.
 */
function generatedWords(el: ReinscriptionWizard): string[] {
  return deepElements(shadow(el)).flatMap((e) =>
    (['::before', '::after'] as const).flatMap((pseudo) => {
      const content = getComputedStyle(e, pseudo).content;
      if (content === 'none' || content === 'normal' || !/\p{L}/u.test(content) || hiddenFromSight(e)) return [];
      const m = /^"(.*)" \/ ""$/.exec(content);
      if (!m) return [`${named(e)}${pseudo}: ${content}, without an empty alternative`];
      // French typography holds for what CSS writes too: U+00A0 before « : ».
      if (/:\s*$/.test(m[1]) && !/\u00a0:\s*$/.test(m[1])) return [`${named(e)}${pseudo}: « ${m[1]} » has no U+00A0 before its colon`];
      const words = normalise(m[1]).replace(/ ?:$/, '');
      const table = e.closest('table');
      const headers = [...(table?.querySelectorAll('thead th, [role=columnheader]') ?? [])].map((h) => normalise(h.textContent));
      return headers.includes(words) ? [] : [`${named(e)}${pseudo}: « ${words} » is no column header of its table (${headers.join(', ') || 'none'})`];
    }),
  );
}

describe('without the style sheets (RGAA 10.1 to 10.3, 10.14)', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('no style attribute nor presentational attribute on any screen (10.1)', async () => {
    await nothingFoundOnAnyScreen(API, lookInMarkup);
  });

  for (const width of [800, 320]) {
    it(`nothing drawn elsewhere than the markup’s order, at ${width} px (10.2, 10.3)`, async () => {
      await setViewport({ width, height: 800 });
      await nothingFoundOnAnyScreen(API, reordered);
    });
  }

  it('the words CSS writes on the narrow cards are their column headers, with an empty alternative (10.14)', async () => {
    await setViewport({ width: 320, height: 800 });
    let written = 0;
    await nothingFoundOnAnyScreen(API, (el) => {
      written += deepElements(shadow(el)).filter((e) => /\p{L}/u.test(getComputedStyle(e, '::before').content) && !hiddenFromSight(e)).length;
      return generatedWords(el);
    });
    expect(written, 'cells whose column name CSS writes (step 3 as cards)').to.be.greaterThan(0);
  });
});

/** Emoji and pictographs, arrows, dingbats and geometric shapes: signs a screen reader names oddly or not at all. */
const SIGN = /[\p{Extended_Pictographic}\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff]/u;
/** Emoticons and ASCII art: « :-) », « ;) », « <3 », « ^^ », « -> », « => », « *** ». */
const ASCII_ART = /(?:^|\s)[:;][-']?[()DPp]|<3|\^\^|->|=>|<-|\*{3}|¯\\_/u;

/** Whether something near `el` says in words what its sign shows: a visually hidden text next to it, or its own aria-label. */
const hasAlternative = (el: Element): boolean =>
  !!el.getAttribute('aria-label')?.trim() ||
  [el.previousElementSibling, el.nextElementSibling].some((s) => !!s?.matches('.visually-hidden') && !!normalise(s.textContent));

/**
 * Cryptic content drawn on the screen: ASCII art or emoticons anywhere, and a sign that is not
 * hidden from screen readers (aria-hidden) with its words beside it.
 */
function crypticContent(el: ReinscriptionWizard): string[] {
  return shownTexts(el).flatMap(({ text, parent }) => {
    const value = text.textContent ?? '';
    if (ASCII_ART.test(value)) return [`« ${normalise(value).slice(0, 40)} » in ${named(parent)}: ASCII art or an emoticon`];
    if (!SIGN.test(value)) return [];
    const hidden = parent.closest('[aria-hidden=true]');
    return hidden && hasAlternative(hidden) ? [] : [`« ${normalise(value).slice(0, 40)} » in ${named(parent)}: a sign without its words for screen readers`];
  });
}

describe('cryptic content (RGAA 13.5, 13.6)', () => {
  it('no emoji, emoticon or ASCII art in either catalogue', () => {
    const english = Object.fromEntries(Object.entries(en).map(([id, message]) => [`en: ${id}`, message]));
    const found = Object.entries({ ...fr, ...appCatalogue, ...stepsCatalogue, ...english }).flatMap(([id, message]) => {
      // A function's source holds its words; its own arrow is no emoticon.
      const words = typeof message === 'function' ? String(message).replace(/=>/g, ' ') : String(message);
      return SIGN.test(words) || ASCII_ART.test(words) ? [id] : [];
    });
    expect(found).to.deep.equal([]);
  });

  it('on every screen, no ASCII art, and a sign only with its words for screen readers', async () => {
    await nothingFoundOnAnyScreen(API, crypticContent);
  });

  it('the « → » of step 1’s changes is hidden from screen readers, which read « remplacé par »', async () => {
    const el = await onStep1(API, { everyField: true });
    type(control(screen(el), 'Profession'), 'Professeure de piano');
    const change = await until(
      () => [...screen(el).querySelectorAll('.changes li')].find((li) => normalise(li.textContent).includes('Professeure de piano')),
      'the change listed',
    );
    await settle(el);
    const arrow = [...change.querySelectorAll('*')].find((e) => normalise(e.textContent) === '→');
    expect(arrow?.getAttribute('aria-hidden'), 'the arrow hidden from screen readers').to.equal('true');
    expect(normalise(arrow?.nextElementSibling?.textContent), 'what they read instead').to.equal('remplacé par');
    expect(crypticContent(el)).to.deep.equal([]);
  });
});
