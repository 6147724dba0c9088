/**
 * Installed in every page of a journey with evaluateOnNewDocument: it runs as test code, so a page's
 * `Content-Security-Policy: script-src 'self'` does not apply to it. Self-contained (serialised).
 *
 * window.__rwJourney finds what a parent sees across shadow roots: the text, a field by its label,
 * a button by its name (visually hidden text included, as a screen reader reads it), a radio by its
 * fieldset's legend and its own label, a list by the start of its label. It also counts image encodes and decodes on the main thread,
 * which only the compression fallback does.
 */
export function installHelpers() {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();
  const all = (selector, root = document) => {
    const found = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(selector, el.shadowRoot));
    return found;
  };
  const text = (root = document.body) => {
    let out = '';
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out += `${node.data} `;
      if (node.nodeType === Node.ELEMENT_NODE && (node.localName === 'style' || node.localName === 'script')) return;
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const c of node.childNodes) walk(c);
    };
    walk(root);
    return norm(out);
  };
  const controlOf = (label) => label.control ?? (label.htmlFor ? label.getRootNode().getElementById(label.htmlFor) : null);
  const visible = (el) => !!el && el.getClientRects().length > 0;
  const control = (name) => {
    const wanted = norm(name);
    const labels = all('label');
    const label = labels.find((l) => norm(l.textContent) === wanted) ?? labels.find((l) => norm(l.textContent).startsWith(`${wanted} (`)); // « (facultatif) », "(optional)"
    const c = label && controlOf(label);
    return visible(c) || c?.type === 'checkbox' || c?.type === 'radio' ? c : null;
  };
  const button = (name) => all('button').find((b) => norm(b.textContent) === norm(name) && visible(b) && !b.disabled) ?? null;
  const radio = (legend, option) => {
    const set = all('fieldset').find((f) => norm(f.querySelector('legend')?.textContent).startsWith(norm(legend)));
    const label = set && [...set.querySelectorAll('label')].find((l) => norm(l.textContent) === norm(option));
    return (label && controlOf(label)) ?? null;
  };

  /** A list (<select>) whose visible label starts with `start` (« Niveau scolaire en » and the campaign's year). */
  const list = (start) => {
    const label = all('label').find((l) => norm(l.textContent).startsWith(norm(start)));
    const c = label && controlOf(label);
    return c?.localName === 'select' && visible(c) ? c : null;
  };

  const journey = { text, all, control, button, radio, list, canvasCalls: 0, armed: false };
  journey.countCanvasCalls = () => {
    journey.canvasCalls = 0;
    if (journey.armed) return;
    journey.armed = true;
    const count = (owner, key) => {
      const original = owner?.[key];
      if (typeof original !== 'function') return;
      owner[key] = function (...args) {
        journey.canvasCalls += 1;
        return original.apply(this, args);
      };
    };
    count(globalThis.HTMLCanvasElement?.prototype, 'toBlob');
    count(globalThis.OffscreenCanvas?.prototype, 'convertToBlob');
    count(globalThis, 'createImageBitmap');
  };
  window.__rwJourney = journey;

  // When the login's identifier field was first painted (the frame's time), so the journey can
  // tell the files fetched before it (the login path) from those the widget asks for afterwards.
  const started = performance.now();
  const watch = () => {
    const field = all('input[autocomplete="username"]')[0];
    if (visible(field)) journey.fieldShownAt = performance.now();
    else if (performance.now() - started < 60000) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}
