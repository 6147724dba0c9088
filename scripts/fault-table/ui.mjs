/**
 * What a cell does in the page, as a parent would: fields by their French label, buttons by their
 * name, text and alerts across the widget's shadow roots (window.__rwJourney of
 * scripts/journey/page-helpers.mjs, plus window.__rwFault below for alerts and states).
 */
import { installHelpers } from '../journey/page-helpers.mjs';

/** Installed in every page beside installHelpers (self-contained: it is serialised). */
export function installFaultHelpers() {
  const norm = (s) =>
    (s ?? '')
      .replace(/[\s\u00a0\u202f]+/g, ' ')
      .replace(/[’‘]/g, "'")
      .trim();
  const j = () => window.__rwJourney;
  /** Rendered and not visually hidden (a 1 px clip box is hidden text for screen readers only). */
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return el.getClientRects().length > 0 && r.width > 1 && r.height > 1;
  };
  const usable = (b) => shown(b) && !b.disabled && b.getAttribute('aria-disabled') !== 'true';
  window.__rwFault = {
    alerts: () =>
      j()
        .all('[role="alert"]')
        .filter(shown)
        .map((el) => norm(j().text(el)))
        .filter(Boolean),
    statuses: () =>
      j()
        .all('[role="status"]')
        .map((el) => norm(j().text(el)))
        .filter(Boolean),
    /** A usable button whose accessible text starts with `prefix` (« Réessayer », « Réessayer : Attestation… »). */
    buttonStarting: (prefix) =>
      j()
        .all('button')
        .find((b) => norm(b.textContent).startsWith(norm(prefix)) && usable(b)) ?? null,
    /** A field's value by its label (a checkbox's: checked); undefined when the field is not shown. */
    value: (label) => {
      const c = j().control(label);
      if (!c) return undefined;
      return c.type === 'checkbox' || c.type === 'radio' ? c.checked : c.value;
    },
    text: () => norm(j().text()),
    /** The text a parent reads on the screen: without the role="status" announcements. */
    screenText: () => {
      let out = '';
      const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE) out += `${node.data} `;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
        if (node.nodeType === Node.ELEMENT_NODE && (['style', 'script'].includes(node.localName) || node.getAttribute('role') === 'status')) return;
        if (node.shadowRoot) walk(node.shadowRoot);
        for (const child of node.childNodes) walk(child);
      };
      walk(document.body);
      return norm(out);
    },
  };
}

export const norm = (s) =>
  String(s ?? '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/[’‘]/g, "'")
    .trim();

/** The page's helpers for one cell; every wait returns false on timeout rather than throwing, unless `must`. */
export function pageUi(page) {
  let patience = 5000;
  const waitFor = async (fn, args = [], timeout = patience) => {
    try {
      return await page.waitForFunction(fn, { timeout, polling: 100 }, ...args);
    } catch {
      return null;
    }
  };
  const must = async (what, fn, args, timeout) => {
    const handle = await waitFor(fn, args, timeout);
    if (handle) return handle;
    const seen = await page.evaluate(() => window.__rwFault.text()).catch(() => '?');
    throw new Error(`${what}: not found within ${(timeout ?? patience) / 1000} s; the page shows: ${seen.slice(0, 600)}`);
  };
  const elementOf = async (what, fn, args, timeout) => {
    const el = (await must(what, fn, args, timeout)).asElement();
    if (!el) throw new Error(`${what}: not an element`);
    return el;
  };
  const field = (label, timeout) => elementOf(`the field « ${label} »`, (l) => window.__rwJourney.control(l), [label], timeout);
  const button = (name, timeout) => elementOf(`the button « ${name} »`, (n) => window.__rwJourney.button(n), [name], timeout);
  return {
    page,
    /** How long a field or a button is waited for (5 s; less once a cell has failed anyway). */
    setPatience: (ms) => (patience = ms),
    waitFor,
    must,
    field,
    /** Whether the field is there now (or within `timeout`). */
    hasField: async (label, timeout = 0) =>
      timeout > 0 ? !!(await waitFor((l) => !!window.__rwJourney.control(l), [label], timeout)) : page.evaluate((l) => !!window.__rwJourney.control(l), label),
    click: async (name, timeout) => (await button(name, timeout)).click(),
    clickStarting: async (prefix, timeout = 1500) => {
      const handle = await waitFor((p) => window.__rwFault.buttonStarting(p), [prefix], timeout);
      const el = handle?.asElement();
      if (!el) return false;
      await el.click();
      return true;
    },
    type: async (label, text) => {
      const el = await field(label);
      await el.click({ count: 3 });
      await el.type(text);
    },
    /** Replaces a field's whole value (a prefilled one included). */
    retype: async (label, text) => {
      const el = await field(label);
      await el.evaluate((input) => {
        input.select?.();
      });
      await el.click({ count: 3 });
      await page.keyboard.press('Backspace');
      await el.type(text);
    },
    check: async (label) => (await field(label)).click(),
    radio: async (legend, option) => (await elementOf(`« ${option} » in « ${legend} »`, (l, o) => window.__rwJourney.radio(l, o), [legend, option])).click(),
    choose: async (label, optionText) => {
      const el = await elementOf(`the list « ${label} »`, (l) => window.__rwJourney.list(l), [label]);
      const value = await el.evaluate((s, o) => [...s.options].find((x) => x.textContent.trim() === o)?.value, optionText);
      if (value === undefined) throw new Error(`« ${optionText} » is not in the list « ${label} »`);
      await el.select(value);
    },
    hasText: (text, timeout = patience) => waitFor((t) => window.__rwFault.text().includes(t), [norm(text)], timeout).then(Boolean),
    mustText: (text, timeout) => must(`« ${text} »`, (t) => window.__rwFault.text().includes(t), [norm(text)], timeout),
    text: () => page.evaluate(() => window.__rwFault.text()),
    onScreen: (text) => page.evaluate((t) => window.__rwFault.screenText().includes(t), norm(text)),
    alerts: () => page.evaluate(() => window.__rwFault.alerts()),
    statuses: () => page.evaluate(() => window.__rwFault.statuses()),
    value: (label) => page.evaluate((l) => window.__rwFault.value(l), label),
    storage: (key) => page.evaluate((k) => sessionStorage.getItem(k), key),
  };
}

/** Both helper sets, in every document of the page (reloads included). */
export async function installAll(page) {
  await page.evaluateOnNewDocument(installHelpers);
  await page.evaluateOnNewDocument(installFaultHelpers);
}
