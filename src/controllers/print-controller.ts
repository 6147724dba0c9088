import type { ReactiveController, ReactiveControllerHost } from 'lit';

/*
 * The widget lives inside a WordPress page, and the browser prints the whole page: the theme's
 * header, menus, sidebars and footer, and the wizard's own stepper and buttons. While printing, a
 * stylesheet is adopted by the document and by every shadow root between the document and the
 * element to print; it hides every sibling of every element on that chain ("the host chain",
 * marked with an attribute), so only that element's content is printed. Adopted sheets reach the
 * page without any inline <style> (CSP-friendly) and are removed on 'afterprint'. The rules sit
 * inside @media print so that, should a browser skip 'afterprint', the screen is never affected.
 */
const CHAIN = 'data-rw-print-chain';

let chainSheet: CSSStyleSheet | undefined;
function getChainSheet(): CSSStyleSheet {
  if (!chainSheet) {
    chainSheet = new CSSStyleSheet();
    chainSheet.replaceSync(`@media print {
  [${CHAIN}] > :not([${CHAIN}]),
  :not([${CHAIN}]):not([${CHAIN}] *) { display: none !important; }
}`);
  }
  return chainSheet;
}

const insideSheets = new Map<string, CSSStyleSheet>();
function getInsideSheet(selector: string): CSSStyleSheet {
  let sheet = insideSheets.get(selector);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`@media print { ${selector} { display: none !important; } }`);
    insideSheets.set(selector, sheet);
  }
  return sheet;
}

/** The elements from this one up to <html> across shadow boundaries, and the roots they live in. */
function hostChain(from: Element): { elements: Element[]; roots: (Document | ShadowRoot)[] } {
  const elements: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [];
  let node: Element | null = from;
  while (node) {
    elements.push(node);
    if (node.parentElement) {
      node = node.parentElement;
      continue;
    }
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) {
      roots.push(root);
      node = root.host;
    } else {
      if (root instanceof Document) roots.push(root);
      node = null;
    }
  }
  return { elements, roots };
}

const adopt = (root: Document | ShadowRoot, sheet: CSSStyleSheet) => {
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
};
const drop = (root: Document | ShadowRoot, sheet: CSSStyleSheet) => (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet));

export interface PrintOptions {
  /** What the page prints while it is there (Ctrl+P included); nothing: the page prints as it is. */
  target: () => Element | null | undefined;
  /** Inside the target's own shadow root, what paper has no use for (its buttons). */
  hideInside?: string;
  /** Just before printing (open what prints closed); returns what undoes it after. */
  prepare?: (target: Element) => (() => void) | undefined;
}

/** Prints one element of the widget, and nothing else of the page, while it is shown. */
export class PrintController implements ReactiveController {
  readonly #o: PrintOptions;
  #printing: { elements: Element[]; roots: (Document | ShadowRoot)[]; inside: ShadowRoot | undefined; undo: (() => void) | undefined } | undefined;

  constructor(host: ReactiveControllerHost, options: PrintOptions) {
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.#before);
    window.addEventListener('afterprint', this.#after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.#before);
    window.removeEventListener('afterprint', this.#after);
    this.#after();
  }

  readonly #before = (): void => {
    const target = this.#o.target();
    if (this.#printing || !target) return;
    const chain = hostChain(target);
    for (const el of chain.elements) el.setAttribute(CHAIN, '');
    for (const root of chain.roots) adopt(root, getChainSheet());
    const inside = this.#o.hideInside ? (target.shadowRoot ?? undefined) : undefined;
    if (inside && this.#o.hideInside) adopt(inside, getInsideSheet(this.#o.hideInside));
    this.#printing = { ...chain, inside, undo: this.#o.prepare?.(target) ?? undefined };
  };

  readonly #after = (): void => {
    const printing = this.#printing;
    if (!printing) return;
    this.#printing = undefined;
    printing.undo?.();
    for (const el of printing.elements) el.removeAttribute(CHAIN);
    for (const root of printing.roots) drop(root, getChainSheet());
    if (printing.inside && this.#o.hideInside) drop(printing.inside, getInsideSheet(this.#o.hideInside));
  };
}
