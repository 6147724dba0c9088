/*
 * Injected by scripts/bench.ts into every page before any of its own scripts
 * (Page.addScriptToEvaluateOnNewDocument), so the static page, the plain-DOM copy and the widget are
 * timed by the very same code. A classic script, self-contained: it is sent as source.
 *
 * The first field: on each animation frame, look through the document and every open shadow root
 * for the identifier <input>, usable (laid out, not hidden, not disabled). A frame's rAF callbacks
 * run before that frame's style, layout and paint, so an input found in frame N is painted in frame
 * N; the time taken at frame N+1's callback is when that paint was done. window.__firstField is that
 * time, in ms since navigation start (performance.now()); window.__firstFieldOrigin is
 * performance.timeOrigin, the navigation start in ms since the epoch.
 */
(() => {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

  /** Every element matching `selector`, through open shadow roots. */
  const all = (selector, root = document) => {
    const found = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(selector, el.shadowRoot));
    return found;
  };

  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };
  const usable = (el) => !el.disabled && visible(el);

  const labelled = (input, text) => [...(input.labels ?? [])].some((l) => norm(l.textContent) === text);
  const identifierField = () =>
    all('input').find((i) => (labelled(i, 'Identifiant') || i.id === 'identifier' || i.autocomplete === 'username') && usable(i)) ?? null;
  const passwordField = () => all('input').find((i) => (labelled(i, 'Mot de passe') || i.autocomplete === 'current-password') && usable(i)) ?? null;
  const button = (name) => all('button').find((b) => norm(b.textContent) === name && usable(b)) ?? null;
  /** What the page says, shadow roots included: for the bench's error messages. */
  const text = () => {
    let out = '';
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out += `${node.data} `;
      if (node.localName === 'style' || node.localName === 'script') return;
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    return norm(out);
  };

  /** Polls `shown()` once a frame; once true, `done(t)` with the time of the next frame: the one it was painted in. */
  const whenPainted = (shown, done) => {
    const tick = () => requestAnimationFrame(() => (shown() ? requestAnimationFrame(() => done(performance.now())) : tick()));
    tick();
  };

  window.__benchProbe = { norm, all, visible, identifierField, passwordField, button, text, whenPainted };
  whenPainted(identifierField, (t) => {
    window.__firstField = t;
    window.__firstFieldOrigin = performance.timeOrigin;
  });
})();
