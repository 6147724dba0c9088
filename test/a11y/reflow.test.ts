import { setViewport } from '@web/test-runner-commands';
import type { ReinscriptionWizard } from '../../src/wizard/wizard.js';
import { normalise, shadow } from '../helpers/dom.js';
import { useMockBackend } from '../helpers/journey.js';
import { composedParent, deepElements, deepRoots, hiddenFromSight, nothingFoundOnAnyScreen, settle, shownTexts } from './screens.js';

/**
 * Reflow and zoom (WCAG 1.4.4, 1.4.10; RGAA 10.4, 10.11) and text spacing (WCAG 1.4.12; RGAA 10.12),
 * on every screen. A headless browser cannot zoom: a 1280 px window zoomed to 200 % lays out as a
 * 640 CSS px viewport, and to 400 % as a 320 px one, which is what is emulated.
 */
const API = '/api-reflow-test';
useMockBackend(API);

/** Half a pixel of rounding either way. */
const SLACK = 1;

const path = (el: Element): string => {
  const parts: string[] = [];
  for (let at: Element | null = el; at && parts.length < 4; at = composedParent(at)) {
    parts.unshift(`${at.localName}${at.id ? `#${at.id}` : ''}${at.classList.length ? `.${[...at.classList].join('.')}` : ''}`);
  }
  return parts.join(' > ');
};

/** Whatever makes the page scroll sideways or hides a part of the content, on the screen shown. */
function losses(el: ReinscriptionWizard): string[] {
  const problems: string[] = [];
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollWidth > page.clientWidth) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
  const width = document.documentElement.clientWidth;
  for (const child of deepElements(shadow(el))) {
    if (hiddenFromSight(child)) continue;
    const box = child.getBoundingClientRect();
    if (box.right > width + SLACK || box.left < -SLACK)
      problems.push(`${path(child)} runs out of the ${width} px viewport (${Math.round(box.left)}–${Math.round(box.right)})`);
    const style = getComputedStyle(child);
    const clipsX = style.overflowX !== 'visible';
    const clipsY = style.overflowY !== 'visible';
    // A value longer than its input scrolls under the caret, as in any input: not lost.
    const field = ['input', 'select', 'textarea'].includes(child.localName);
    if (clipsX && !field && child.scrollWidth > child.clientWidth + SLACK)
      problems.push(`${path(child)} cuts its content sideways (${child.scrollWidth} > ${child.clientWidth})`);
    if (clipsY && !field && child.scrollHeight > child.clientHeight + SLACK)
      problems.push(`${path(child)} cuts its content (${child.scrollHeight} > ${child.clientHeight} px high)`);
  }
  return [...problems, ...textOutside(el)];
}

/** The box a text is drawn in: its nearest ancestor that is not inline. */
function container(el: Element): Element {
  for (let at: Element | null = el; at; at = composedParent(at)) {
    if (!getComputedStyle(at).display.startsWith('inline') && getComputedStyle(at).display !== 'contents') return at;
  }
  return el;
}

/** Text drawn outside the box it belongs to (overlapping what is next to it). */
function textOutside(el: ReinscriptionWizard): string[] {
  return shownTexts(el).flatMap(({ text, parent }) => {
    const range = document.createRange();
    range.selectNodeContents(text);
    const drawn = range.getBoundingClientRect();
    if (drawn.width === 0 && drawn.height === 0) return [];
    const box = container(parent).getBoundingClientRect();
    const outside = drawn.left < box.left - SLACK || drawn.right > box.right + SLACK || drawn.top < box.top - SLACK || drawn.bottom > box.bottom + SLACK;
    const edges = (r: DOMRect) => [r.left, r.top, r.right, r.bottom].map(Math.round).join(',');
    return outside ? [`« ${normalise(text.textContent).slice(0, 40)} » is drawn outside ${path(container(parent))} (${edges(drawn)} vs ${edges(box)})`] : [];
  });
}

/** The text-spacing bookmarklet of WCAG 1.4.12, in the page and in every shadow root of the widget. */
const SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;
const sheet = new CSSStyleSheet();
sheet.replaceSync(SPACING);
function spaceText(el: ReinscriptionWizard): void {
  for (const root of [document, ...deepRoots(el)]) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
function unspace(): void {
  document.adoptedStyleSheets = [];
}

describe('reflow and zoom', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [zoom, width] of [
    ['200 %', 640],
    ['400 %', 320],
  ] as const) {
    it(`at ${zoom} (a ${width} CSS px viewport) no screen scrolls sideways or cuts anything`, async () => {
      await setViewport({ width, height: 800 });
      await nothingFoundOnAnyScreen(API, losses);
    });
  }
});

describe('text spacing (WCAG 1.4.12)', () => {
  afterEach(unspace);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [800, 320]) {
    it(`line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em: nothing is lost at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      await nothingFoundOnAnyScreen(API, async (el) => {
        spaceText(el);
        await settle(el);
        return losses(el);
      });
    });
  }
});
