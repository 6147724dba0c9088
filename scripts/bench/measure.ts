/**
 * One measured load of the first-field bench, and one login-to-step-1 journey on the widget. Each
 * gets a browser context of its own (no cookie, storage, HTTP or code cache left by the previous
 * run: a first visit), the cache disabled, the CPU throttled before navigation (a mid-range phone
 * is roughly 4× slower than this machine) and the probe (probe.js) installed before any script of
 * the page runs.
 */
import type { Browser, CDPSession, ElementHandle, Page } from 'puppeteer-core';

export const CPU_THROTTLING = 4;

/** A load's figures: times in ms from navigation start, heap in MB. */
export interface LoadFigures {
  firstFieldMs: number;
  /** What had fully arrived by the first field: encoded (gzip) bodies plus headers, as CDP counts them. */
  bytesBefore: number;
  /** Their URLs, in the order they finished. */
  before: string[];
  heapMB: number;
}

export interface StepFigures {
  /** From the click on « Je souhaite réinscrire … » to the first frame painted with step 1's heading and form. */
  clickToStep1Ms: number;
  heapMB: number;
}

interface Transfer {
  url: string;
  bytes: number;
  /** CDP's monotonic clock, in seconds. */
  finished: number;
}

/**
 * Network.loadingFinished of every request. CDP stamps events with a monotonic clock and the page
 * measures from performance.timeOrigin (the epoch): the document's requestWillBeSent carries both,
 * which maps one onto the other.
 */
async function recordTransfers(cdp: CDPSession) {
  const done: Transfer[] = [];
  const urls = new Map<string, string>();
  let clock: { timestamp: number; wallTime: number } | undefined;
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    if (e.type === 'Document' && !clock) clock = { timestamp: e.timestamp, wallTime: e.wallTime };
  });
  cdp.on('Network.loadingFinished', (e) => done.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength, finished: e.timestamp }));
  await cdp.send('Network.enable');
  return {
    /** What had finished loading by `epochMs`. */
    before(epochMs: number): Transfer[] {
      if (!clock) return [];
      const at = clock.timestamp + (epochMs / 1000 - clock.wallTime);
      return done.filter((d) => d.finished <= at);
    },
  };
}

async function freshTab(browser: Browser, probe: string) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await page.setCacheEnabled(false);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: probe });
  const transfers = await recordTransfers(cdp);
  return { page, cdp, transfers, close: () => context.close() };
}

/** The JS heap once garbage is collected: what the page really keeps. */
async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** The heap after everything the page started has arrived (the widget keeps loading after its first field). */
async function settledHeapMB(page: Page, cdp: CDPSession): Promise<number> {
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 30000 });
  return heapMB(cdp);
}

export async function loadOnce(browser: Browser, probe: string, url: string): Promise<LoadFigures> {
  const tab = await freshTab(browser, probe);
  try {
    await tab.page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await tab.page.waitForFunction('window.__firstField !== undefined', { timeout: 30000, polling: 100 });
    const { t, origin } = (await tab.page.evaluate('({ t: window.__firstField, origin: window.__firstFieldOrigin })')) as { t: number; origin: number };
    const arrived = tab.transfers.before(origin + t);
    return {
      firstFieldMs: t,
      bytesBefore: arrived.reduce((sum, a) => sum + a.bytes, 0),
      before: arrived.map((a) => a.url),
      heapMB: await settledHeapMB(tab.page, tab.cdp),
    };
  } finally {
    await tab.close();
  }
}

/** The element `expression` (probe.js's finders) returns, once it returns one. */
async function element(page: Page, expression: string, what: string): Promise<ElementHandle<Element>> {
  try {
    const found = (await page.waitForFunction(expression, { timeout: 30000, polling: 100 })).asElement();
    if (found) return found as ElementHandle<Element>;
  } catch {
    // Said below, with what the page shows instead.
  }
  const shown = await page.evaluate('window.__benchProbe.text().slice(0, 400)').catch(() => '?');
  throw new Error(`${what}: not found within 30 s; the page shows: ${String(shown)}`);
}

/**
 * Armed just before the click: times, in the page, from the click event to the first frame painted
 * with step 1 ready to answer (its heading « Étape 1 sur 6 » and the radios of its first question).
 */
const ARM_STEP_1 = `(() => {
  const p = window.__benchProbe;
  const heading = () => p.all('h1, h2, h3').some((h) => p.norm(h.textContent).startsWith('Étape 1 sur 6') && p.visible(h));
  const form = () => p.all('fieldset').some((f) => p.norm(f.querySelector('legend')?.textContent).startsWith('Ces informations sont-elles à jour') && [...f.querySelectorAll('input')].some(p.visible));
  addEventListener('click', () => {
    const clicked = performance.now();
    p.whenPainted(() => heading() && form(), (t) => { window.__step1 = t - clicked; });
  }, { capture: true, once: true });
})()`;

export async function stepOneOnce(
  browser: Browser,
  probe: string,
  url: string,
  credentials: { identifier: string; password: string },
  student: string,
): Promise<StepFigures> {
  const tab = await freshTab(browser, probe);
  const { page } = tab;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await (await element(page, 'window.__benchProbe.identifierField()', 'the field « Identifiant »')).type(credentials.identifier);
    await (await element(page, 'window.__benchProbe.passwordField()', 'the field « Mot de passe »')).type(credentials.password);
    await (await element(page, 'window.__benchProbe.button("Se connecter")', 'the button « Se connecter »')).click();
    const name = `Je souhaite réinscrire ${student}`;
    const reregister = await element(page, `window.__benchProbe.button(${JSON.stringify(name)})`, `the family home's « ${name} »`);
    // From a settled home, as a parent clicks after reading it: what is timed is the step's opening alone.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 30000 });
    await page.evaluate(ARM_STEP_1);
    await reregister.click();
    await page.waitForFunction('window.__step1 !== undefined', { timeout: 30000, polling: 100 });
    return { clickToStep1Ms: (await page.evaluate('window.__step1')) as number, heapMB: await settledHeapMB(page, tab.cdp) };
  } finally {
    await tab.close();
  }
}
