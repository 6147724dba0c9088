/**
 * Accessibility checks shared by test/a11y/: axe-core limited to the WCAG 2.2 A and AA rules, the
 * element that really has focus (through shadow roots), and the contrast of a focus indicator.
 */
// The UMD build registers `window.axe` when loaded as a module (as chai-a11y-axe loads it).
import 'axe-core/axe.min.js';
import type { AxeResults, Result, RunOptions } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the RGAA 4.1 and the law ask. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Axe {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

const axe = (): Axe => {
  const found = (window as unknown as { axe?: Axe }).axe;
  if (!found) throw new Error('axe-core did not register window.axe');
  return found;
};

export interface AxeFindings {
  violations: Result[];
  /**
   * What axe could not decide and leaves to a person (« needs review »), but for text contrast
   * over a background it cannot compute (overlapped, arrows that are not text): an ARIA attribute
   * a role does not allow, for one, is only ever reported here.
   */
  review: Result[];
}

/** axe-core's findings in `el`, its open shadow roots included (axe walks the flat tree). */
export async function axeCheck(el: Element): Promise<AxeFindings> {
  const { violations, incomplete } = await axe().run(el, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations', 'incomplete'] });
  return { violations, review: incomplete.filter((r) => r.id !== 'color-contrast') };
}

/** One line per node in violation: the rule, where (through shadow roots), and what to fix. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}) at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}\n  ${n.html}`),
    )
    .join('\n');
}

// ------------------------------------------------------------------ focus

/** The element that has focus, inside the shadow roots of the elements that hold it. */
export function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The parent in the flat tree: a shadow root's host, an assigned slot. */
const flatParent = (el: Element): Element | null => el.assignedSlot ?? el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host || null);

/** A short description of an element for messages: tag, id, text. */
export function describe(el: Element | null): string {
  if (!el) return 'nothing';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return `<${el.localName}${el.id ? `#${el.id}` : ''}> « ${label ?? text} »`;
}

// ------------------------------------------------------------------ colours

export type Rgba = readonly [r: number, g: number, b: number, a: number];

let canvas: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour the browser computes (rgb(), color(srgb …), oklch() …) as 0–255 sRGB and 0–1 alpha, through a canvas. */
export function parseColor(css: string): Rgba {
  if (css === 'transparent' || css === '') return [0, 0, 0, 0];
  canvas ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
  if (!canvas) throw new Error('no 2D canvas');
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#000';
  canvas.fillStyle = css;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data as unknown as [number, number, number, number];
  // getImageData is not premultiplied: r, g, b are the colour's own.
  return [r, g, b, a / 255];
}

/** `top` painted over the opaque `below`. */
const over = (top: Rgba, below: Rgba): Rgba => {
  const a = top[3];
  return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
};

const WHITE: Rgba = [255, 255, 255, 1];

/** WCAG 2.2 relative luminance of an opaque colour. */
export function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours; a translucent `fg` is painted over `bg` first. */
export function contrast(fg: Rgba, bg: Rgba): number {
  const [a, b] = [luminance(over(fg, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The opaque colour painted behind `el` (its own background excluded): its ancestors' backgrounds over the page's white. */
export function backgroundBehind(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node = flatParent(el); node; node = flatParent(node)) {
    const colour = parseColor(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((below, top) => over(top, below), WHITE);
}

/** `el`'s own background painted over what is behind it. */
const ownBackground = (el: Element): Rgba => over(parseColor(getComputedStyle(el).backgroundColor), backgroundBehind(el));

export interface Indicator {
  source: 'outline' | 'box-shadow';
  /** Thickness in CSS px. */
  width: number;
  color: string;
  /** Contrast against the colour next to it: behind the element (an outer ring), or its own background (an inset one). */
  contrast: number;
}

/** `rgb(242, 169, 0) 0px 0px 0px 2px, rgb(…) …` (Chrome's computed form) as separate shadows. */
function shadows(value: string): { color: string; lengths: number[]; inset: boolean }[] {
  if (value === 'none') return [];
  return value.split(/,(?![^(]*\))/).map((part) => {
    const tokens = part.trim().split(/\s+(?![^(]*\))/);
    const lengths = tokens.filter((t) => /^-?[\d.]+px$/.test(t)).map((t) => parseFloat(t));
    const color = tokens.find((t) => t !== 'inset' && !/^-?[\d.]+(px)?$/.test(t)) ?? 'currentcolor';
    return { color, lengths, inset: tokens.includes('inset') };
  });
}

/** What shows that `el` has focus: its outline and its box-shadows, each with its thickness and contrast. */
export function focusIndicators(el: Element): Indicator[] {
  const style = getComputedStyle(el);
  const found: Indicator[] = [];
  const outer = backgroundBehind(el);
  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle !== 'none' && width > 0) {
    const against = parseFloat(style.outlineOffset) < 0 ? ownBackground(el) : outer;
    found.push({ source: 'outline', width, color: style.outlineColor, contrast: contrast(parseColor(style.outlineColor), against) });
  }
  for (const shadow of shadows(style.boxShadow)) {
    const [x = 0, y = 0, , spread = 0] = shadow.lengths;
    const thickness = spread + Math.max(Math.abs(x), Math.abs(y));
    if (thickness <= 0) continue;
    const color = shadow.color === 'currentcolor' ? style.color : shadow.color;
    const against = shadow.inset ? ownBackground(el) : outer;
    found.push({ source: 'box-shadow', width: thickness, color, contrast: contrast(parseColor(color), against) });
  }
  return found;
}

/** Whether one of `el`'s focus indicators is at least 2 px thick and 3:1 against what is next to it (WCAG 2.4.7, 1.4.11, 2.4.13's size). */
export const visibleFocus = (el: Element): boolean => focusIndicators(el).some((i) => i.width >= 2 && i.contrast >= 3);
