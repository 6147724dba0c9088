/**
 * Finding things as a user does: by label, legend, button text, heading. Shared by every test.
 */

/**
 * Text as a test compares it: runs of spaces as one ordinary space (\s includes the no-break spaces
 * U+00A0 and U+202F of French typography), and the typographic apostrophe ’ as ' so that a test can
 * write « Passer à l'étape suivante » for the « Passer à l’étape suivante » the screen shows.
 */
export const normalise = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\u2019/g, "'")
    .trim();

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Everything the element shows, as one line of text. */
export const shownText = (el: Element): string => normalise(shadow(el).textContent);

type Root = Element | ShadowRoot;

/** The control of the label whose text (without « (facultatif) ») is `text`. */
export function control<T extends HTMLElement = HTMLInputElement>(root: Root, text: string): T {
  const labels = [...root.querySelectorAll('label')];
  const label = labels.find((l) => normalise(l.textContent) === text) ?? labels.find((l) => normalise(l.textContent).startsWith(`${text} (facultatif)`));
  if (!label?.control) throw new Error(`No control labelled « ${text} »`);
  return label.control as T;
}

/** The fieldset whose legend reads `text`. */
export function fieldset(root: Root, text: string): HTMLFieldSetElement {
  const found = [...root.querySelectorAll('fieldset')].find((f) => normalise(f.querySelector('legend')?.textContent) === text);
  if (!found) throw new Error(`No fieldset « ${text} »`);
  return found;
}

/** Buttons whose text, hidden parts included (what a screen reader says), is `text`. */
export const queryButton = (root: Root, text: string): HTMLButtonElement | undefined =>
  [...root.querySelectorAll('button')].find((b) => normalise(b.textContent) === text);

export function button(root: Root, text: string): HTMLButtonElement {
  const found = queryButton(root, text);
  if (!found) throw new Error(`No button « ${text} »`);
  return found;
}

export function heading(root: Root, text: string): HTMLHeadingElement {
  const found = [...root.querySelectorAll<HTMLHeadingElement>('h1, h2, h3, h4')].find((h) => normalise(h.textContent) === text);
  if (!found) throw new Error(`No heading « ${text} »`);
  return found;
}

export const summaryLinks = (root: Root): string[] => [...root.querySelectorAll('.error-summary a')].map((a) => normalise(a.textContent));

/** The texts an element's aria-describedby points to. */
export function description(root: ShadowRoot, el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return normalise(ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
}

/** The value shown next to a <dt> label inside a container (the first match), as rendered (line breaks count). */
export function definition(root: Element, label: string): string {
  const dt = [...root.querySelectorAll('dt')].find((d) => normalise(d.textContent) === label);
  if (!dt) throw new Error(`No « ${label} » in the list`);
  const dd = dt.nextElementSibling;
  return normalise(dd instanceof HTMLElement ? dd.innerText : '');
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The shadow root of the first `tag` inside `host`'s shadow root (the wizard's screens). */
export function inner(host: Element, tag: string): ShadowRoot {
  const el = shadow(host).querySelector(tag);
  if (!el) throw new Error(`<${tag}> is not shown`);
  return shadow(el);
}

/** Waits until `predicate` holds, polling each animation frame (no wall-clock assertion). */
export async function until<T>(predicate: () => T | undefined | null | false, what: string, timeoutMs = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      const value = predicate();
      if (value) return value;
    } catch {
      // Not there yet.
    }
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Picks the radio `option` in the fieldset whose legend starts with `legend`, as a person does: one click, then the page updates. */
export async function choose(root: ShadowRoot, legend: string, option: string): Promise<HTMLInputElement> {
  const set = [...root.querySelectorAll('fieldset')].find((f) => normalise(f.querySelector('legend')?.textContent).startsWith(legend));
  if (!set) throw new Error(`No question « ${legend} »`);
  const label = [...set.querySelectorAll('label')].find((l) => normalise(l.textContent) === option);
  if (!label?.control) throw new Error(`No choice « ${option} » in « ${legend} »`);
  const input = label.control as HTMLInputElement;
  input.click();
  await new Promise((r) => requestAnimationFrame(r));
  return input;
}
