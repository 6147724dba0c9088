/**
 * One parent's whole journey on a page that embeds the built widget, whatever served it (dist/ on a
 * bare page, the WordPress plugin, a Vite app that installed the npm package): log in, re-register
 * MOREAU Gianni from step 1 to « Étape 6 sur 6 » with his reference shown, uploading at step 3 a
 * 12-megapixel photo of noise that only the compression worker can bring under the 2 Mo limit.
 *
 * It drives the page as a parent does (fields found by their label, buttons by their name, a real
 * file chooser), in French or, with `lang: 'en'`, in English: the words are the built catalogue's
 * (lib/i18n), so a page left half in French fails in headless Chromium through puppeteer-core, and reports each check through
 * the caller's `check(name, ok, detail)`. What it asserts, besides the journey itself:
 * - the compression ran in a worker started from the build's worker file (HTTP 200), never on the
 *   main thread (the fallback is what hid a missing worker file once);
 * - the mock backend received a JPEG under 2 Mo, in the photo's proportions, no smaller than the
 *   legibility floor;
 * - every file of the widget was fetched once (two URLs for one module make two Lits);
 * - no console error from the widget (an unknown message id is one: src/i18n/index.ts);
 * - which files were loaded before the login's first field showed, and in all: the size guard
 *   (scripts/size.mjs) must count each of them.
 * Two options serve the Content-Security-Policy runs (docs/csp.md), and change nothing when absent:
 * - `compression`: where the photo must be re-encoded. 'worker' (the default, above); 'main-thread'
 *   when the page refuses the worker, so the fallback must do it; 'main-thread-img' the same with
 *   the page's createImageBitmap removed before the widget loads (as in browsers without it), so
 *   the fallback decodes through <img src="blob:…">, which needs `img-src blob:`;
 * - `csp`: collects every CSP violation three ways (the page's `securitypolicyviolation` events,
 *   the console's « Refused to … » lines of the page and its workers, DevTools' CSP issues) and
 *   fails on any but the `expected` one, which must then be reported; `csp.viewDocument` also
 *   opens the uploaded file with « Consulter » (GET {api}/files/{token} in a new window, not
 *   counted as an action) and checks that it loads.
 */
/** The backend's limit (src/mocks/seed.ts MAX_UPLOAD_BYTES): 2 Mo of 1,024² bytes. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installHelpers } from './page-helpers.mjs';

/**
 * The widget's own words in a language, from the built catalogue (lib/, as the npm package ships
 * it), normalised as page-helpers reads the page. `prefix` is the text before a parameter.
 */
async function wordsIn(lang) {
  const lib = new URL('../../lib/i18n/', import.meta.url);
  const catalogue =
    lang === 'en'
      ? (await import(new URL('en.js', lib).href)).en
      : {
          ...(await import(new URL('fr/index.js', lib).href)).fr,
          ...(await import(new URL('fr/app-catalogue.js', lib).href)).appCatalogue,
          ...(await import(new URL('fr/steps-catalogue.js', lib).href)).stepsCatalogue,
        };
  const norm = (text) => text.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();
  const raw = (id, params) => {
    const m = catalogue[id];
    if (m === undefined) throw new Error(`no message ${id} in lib/i18n (${lang})`);
    return typeof m === 'function' ? m(params) : m;
  };
  const w = (id, params) => norm(raw(id, params));
  /** Messages rendered side by side (a button and its visually hidden end): joined as written. */
  w.joined = (...parts) => norm(parts.map(([id, params]) => raw(id, params)).join(''));
  const MARK = '\u0001';
  w.prefix = (id, param, params = {}) => norm(raw(id, { ...params, [param]: MARK }).split(MARK)[0]);
  w.step = (n) => w.prefix('stepper.heading', 'title', { current: n, total: 6 }).replace(/\s*:$/, '');
  return w;
}

const STUDENT = 'MOREAU Gianni';
/**
 * The short path's budget (issue 11): every click, tap, typed field, radio, list choice and file
 * chosen from the family home to the confirmation, for MOREAU Gianni with nothing changed at step 1.
 */
export const ACTIONS_BUDGET = 16;
/** The journey's phone viewport, and the narrow phone step 1's height is measured at too. */
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true };
const NARROW_PHONE = { width: 360, height: 800, isMobile: true, hasTouch: true };
/** As the backend names her (the civilité is its data, not the widget's words). */
const GUARDIAN = "Mademoiselle D'AGOSTINO Lydie";
const PIECE = 'Attestation de responsabilité civile';

/**
 * @param {object} o
 * @param {import('puppeteer-core').Browser} o.browser
 * @param {string} o.pageUrl               the page that embeds the widget
 * @param {{ url: string, store: any }} o.mock   the HTTP mock backend (scripts/mock-server.ts), reset by the caller
 * @param {string} o.assetsPrefix          URL prefix of the widget's own files (its dist/ folder as served)
 * @param {string} o.photo                 path of the 12-megapixel noise photo (./photo.mjs)
 * @param {(name: string, ok: boolean, detail?: string) => boolean} o.check
 * @param {string} [o.label]               prefixes every check's name
 * @param {(message: { text: string, url: string }) => boolean} [o.isWidgetError]  which console errors are the widget's (default: all)
 * @param {{ identifier: string, password: string }} o.credentials
 * @param {'worker' | 'main-thread' | 'main-thread-img'} [o.compression]  where the photo must be re-encoded (see above)
 * @param {{ expected?: { what: string, match: (v: Violation) => boolean }, viewDocument?: boolean }} [o.csp]  collect CSP violations (see above)
 * @returns {Promise<{ loginFiles: string[], files: string[], requested: string[], reference?: string }>}
 */
export async function runJourney({
  browser,
  pageUrl,
  mock,
  assetsPrefix,
  photo,
  check,
  label = '',
  isWidgetError = () => true,
  credentials,
  compression = 'worker',
  csp,
  lang = 'fr',
}) {
  const name = (n) => (label ? `${label}: ${n}` : n);
  const w = await wordsIn(lang);
  const greeting = w('home.greeting', { name: GUARDIAN });
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport(PHONE);
  actions.set(page, []);
  await page.evaluateOnNewDocument(installHelpers);
  if (compression === 'main-thread-img') await page.evaluateOnNewDocument(withoutCreateImageBitmap);
  const violations = csp ? await collectViolations(page) : undefined;

  /** Every response of the page and of its workers, in order. */
  const responses = [];
  const consoleErrors = [];
  const workers = [];
  const onResponse = (r) => responses.push({ url: r.url(), status: r.status() });
  page.on('response', onResponse);
  // Requests too, answered or not: a file that must never be asked for is caught even when it fails.
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push({ text: m.text(), url: m.location()?.url ?? '' }));
  page.on('pageerror', (e) => consoleErrors.push({ text: `uncaught: ${e.message}`, url: '' }));
  page.on('workercreated', (w) => workers.push(w.url()));

  // What the backend received, byte for byte: the store is the mock's own, in this process.
  const received = [];
  const upload = mock.store.upload.bind(mock.store);
  mock.store.upload = (familyId, fields, file) => {
    received.push({ name: file.name, bytes: file.bytes });
    return upload(familyId, fields, file);
  };

  const ours = (url) => url.startsWith(assetsPrefix);
  const widgetFiles = () => responses.filter((r) => ours(r.url)).map((r) => r.url);
  const result = { loginFiles: [], files: [], requested, actions: undefined, step1Height: {} };
  const step = async (n, fn) => {
    try {
      await fn();
      return check(name(n), true);
    } catch (e) {
      check(name(n), false, e instanceof Error ? e.message : String(e));
      throw new Stop();
    }
  };

  try {
    await step(`login form shown (${pageUrl})`, async () => {
      await page.goto(pageUrl, { waitUntil: 'load' });
      await element(page, `the field « ${w('login.identifier.label')} »`, 'control', w('login.identifier.label'));
      // The files whose request started before the field's first frame: what the login waited for.
      await page.waitForFunction(() => window.__rwJourney.fieldShownAt !== undefined, { timeout: 20000 });
      const before = await page.evaluate(
        (prefix) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.startsWith(prefix) && e.startTime <= window.__rwJourney.fieldShownAt)
            .map((e) => e.name),
        assetsPrefix,
      );
      result.loginFiles = unique(widgetFiles().filter((u) => before.includes(u)));
    });
    await step(`log in: « ${greeting} »`, async () => {
      await type(page, w('login.identifier.label'), credentials.identifier);
      await type(page, w('login.password.label'), credentials.password);
      await click(page, w('login.submit'));
      await waitForText(page, greeting);
    });
    actions.set(page, []);
    await step(
      `step 1, coordinates: nothing changed (« ${w('common.yes')} » to « ${w('coordinates.upToDate.legend')} »), « ${w('coordinates.school.same')} », Quatrième in the new year, « ${w('common.no')} » to a new bank account`,
      async () => {
        await click(page, `${w('home.reregister')} ${STUDENT}`);
        await waitForText(page, w.step(1));
        const upToDate = w('coordinates.upToDate.legend');
        await element(page, `the step-1 question « ${upToDate} »`, 'radio', upToDate, w('common.yes'));
        result.step1Height = { 390: await heightOf(page, 'reinscription-coordinates') };
        await page.setViewport(NARROW_PHONE);
        result.step1Height[360] = await heightOf(page, 'reinscription-coordinates');
        await page.setViewport(PHONE);
        await radio(page, upToDate, w('common.yes'));
        await click(page, w('coordinates.school.same'));
        // « Quatrième » is the campaign's list, the backend's words.
        await choose(page, w.prefix('coordinates.school.level', 'schoolYear'), 'Quatrième');
        await radio(page, w.prefix('coordinates.bankChanged.since', 'since'), w('common.no'));
        await click(page, w('wizard.next'));
      },
    );
    // The questions are the campaign's own texts, in the journey's language when the backend translated them.
    const campaign = mock.store.campaign();
    const question = (code) => {
      const french = campaign.authorisations.find((x) => x.code === code)?.label ?? code;
      return lang === 'fr' ? french : (campaign.translations?.[lang]?.authorisations?.[code]?.label ?? french);
    };
    await step(`step 2, authorisations: « ${question('image')} » ${w('common.yes')}, « ${question('sortie')} » ${w('common.no')}`, async () => {
      await waitForText(page, w.step(2));
      await radio(page, question('image'), w('common.yes'));
      await radio(page, question('sortie'), w('common.no'));
      await click(page, w('wizard.next'));
    });
    await step(`step 3, documents: a 12-megapixel photo for « ${PIECE} », reduced and sent`, async () => {
      await waitForText(page, w.step(3));
      await page.evaluate(() => window.__rwJourney.countCanvasCalls());
      const [chooser] = await Promise.all([
        page.waitForFileChooser({ timeout: 10000 }),
        click(page, w.joined(['documents.choose'], ['documents.forPiece', { label: PIECE }])),
      ]);
      await chooser.accept([photo]);
      count(page, 'file', PIECE);
      // Sent when the row lists the file and no reduction or transfer is in progress any more.
      await waitFor(
        page,
        'the reduced photo « IMG_1234.jpg » listed as sent',
        (busy) => {
          const shown = window.__rwJourney.text();
          return shown.includes('IMG_1234.jpg') && !busy.some((b) => shown.includes(b));
        },
        [
          [
            w.prefix('documents.state.compressing', 'size').replace(/\s*\($/, ''),
            w.prefix('documents.state.uploading', 'loaded'),
            w('documents.state.checking').replace(/…$/, ''),
          ],
        ],
        60000,
      );
      if (!received.length) throw new Error('the page lists the photo, but the backend received no upload');
    });
    if (csp?.viewDocument)
      await step(`« Consulter » opens the photo sent (GET ${mock.url}/files/… in a new window)`, () => viewDocument(page, ctx, mock.url, PIECE));
    const workerFile = workers.find((w) => ours(w) && /compress[.-]worker[^/]*\.js$/.test(w));
    const mainThread = await page.evaluate(() => window.__rwJourney.canvasCalls);
    if (compression === 'worker') {
      check(name('compression in a worker started from the build’s worker file'), !!workerFile, `workers: ${workers.join(', ') || 'none'}`);
      const workerResponse = workerFile && responses.find((r) => r.url === workerFile);
      check(name('worker file fetched with HTTP 200'), workerResponse?.status === 200, `${workerFile}: ${workerResponse?.status ?? 'no response seen'}`);
      check(name('nothing re-encoded on the main thread (no fallback)'), mainThread === 0, `${mainThread} canvas encode/decode calls on the main thread`);
    } else {
      check(name('no compression worker ran (the page refused it)'), !workerFile, `worker started: ${workerFile}`);
      check(name('the photo re-encoded on the main thread (the fallback)'), mainThread > 0, 'no canvas encode/decode call on the main thread');
      if (compression === 'main-thread-img') {
        const decodes = await page.evaluate(() => window.__rwBlobImageDecodes);
        check(name('the photo decoded through <img src="blob:…"> (createImageBitmap removed)'), decodes > 0, 'no <img> decoded a blob: URL');
      }
    }
    const jpeg = received.at(-1);
    const size = jpeg && jpegSize(jpeg.bytes);
    check(
      name(`the backend received a JPEG under 2 Mo, 4:3, long side 1600–3200 px`),
      !!size && jpeg.bytes.byteLength < MAX_UPLOAD_BYTES && size.width >= 1600 && size.width <= 3200 && Math.abs(size.width / size.height - 4 / 3) < 0.01,
      jpeg ? `${jpeg.name}: ${jpeg.bytes.byteLength} bytes, ${size ? `${size.width}×${size.height}` : 'not a JPEG'}` : 'nothing received',
    );
    if (jpeg && size) console.log(`      (received ${jpeg.name}: ${(jpeg.bytes.byteLength / 1024 / 1024).toFixed(2)} MiB, ${size.width}×${size.height} px)`);
    await step('step 4, courses: a note for the conservatory', async () => {
      await click(page, w('wizard.next'));
      await waitForText(page, w.step(4));
      await type(page, w('courses.additionalInfo.label'), 'FM le mercredi de préférence.');
      await click(page, w('wizard.next'));
    });
    await step(`step 5, recap: « ${w('recap.accept.label')} », « ${w('wizard.submit')} »`, async () => {
      await waitForText(page, w.step(5));
      const accept = w('recap.accept.label');
      await tap(page, await element(page, `the box « ${accept} »`, 'control', accept), accept);
      await click(page, w('wizard.submit'));
    });
    await step(`step 6, confirmation: « ${w.step(6)} » and the reference the backend gave`, async () => {
      await waitForText(page, w.step(6), 20000);
      const reference = mock.store.submissions.at(-1)?.submission.reference;
      if (!reference) throw new Error('the backend stored no submission');
      await waitForText(page, reference);
      result.reference = reference;
    });
    const done = actions.get(page) ?? [];
    const kinds = [...new Set(done.map((a) => a.kind))].map((k) => `${done.filter((a) => a.kind === k).length} ${k}`);
    result.actions = done.length;
    console.log(`      (actions from the home to the confirmation: ${done.length} — ${kinds.join(', ')})`);
    console.log(`      (${done.map((a) => `${a.kind} « ${a.what} »`).join(' · ')})`);
    console.log(`      (step 1 height: ${result.step1Height[390]} px at 390 px wide, ${result.step1Height[360]} px at 360 px wide)`);
    check(
      name(`${done.length} actions from the home to the confirmation, within the budget of ${ACTIONS_BUDGET}`),
      done.length <= ACTIONS_BUDGET,
      done.map((a) => `${a.kind} ${a.what}`).join('\n'),
    );
  } catch (e) {
    if (!(e instanceof Stop)) check(name('the journey ran to its end'), false, e instanceof Error ? (e.stack ?? e.message) : String(e));
  } finally {
    mock.store.upload = upload;
    result.files = unique(widgetFiles());
    const counts = new Map();
    for (const url of widgetFiles()) counts.set(url, (counts.get(url) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1);
    check(
      name(`each of the widget's ${counts.size} files fetched once`),
      twice.length === 0 && counts.size > 0,
      twice.map(([u, n]) => `${n}× ${u}`).join('\n') || 'no file of the widget fetched',
    );
    const errors = consoleErrors.filter((e) => isWidgetError(e) && !(csp?.expected && violations?.fromConsole(e)?.some(csp.expected.match)));
    check(name('no console error from the widget'), errors.length === 0, errors.map((e) => `${e.text} ${e.url}`).join('\n'));
    if (violations) await checkViolations(await violations.all(), csp.expected, (n, ok, detail) => check(name(n), ok, detail));
    await ctx.close();
  }
  return result;
}

/**
 * Writes what a journey loaded to .journey/<name>.json, paths relative to the widget's folder:
 * `npm run size -- --check` fails when one of these files is not counted in its figures.
 */
export function recordLoaded(root, name, result, assetsPrefix) {
  const rel = (urls) => urls.map((u) => u.slice(assetsPrefix.length));
  mkdirSync(join(root, '.journey'), { recursive: true });
  writeFileSync(join(root, '.journey', `${name}.json`), `${JSON.stringify({ login: rel(result.loginFiles), journey: rel(result.files) }, null, 2)}\n`);
}

class Stop extends Error {}

/**
 * @typedef {{ via: 'page event' | 'console' | 'DevTools issue', directive: string, blocked: string, text: string }} Violation
 * One CSP violation as one of the three channels saw it: the directive refused (`worker-src`,
 * `require-trusted-types-for`…) and what was blocked (a URL, `inline`, `eval`, `trusted-types-sink`).
 */

/**
 * Starts listening to the page's CSP violations: `securitypolicyviolation` (an init script, so
 * test code the policy does not apply to), the page's and its workers' console, DevTools issues.
 */
async function collectViolations(page) {
  const seen = [];
  /** A console line is a violation when Chromium says it refused something (or a Trusted Types sink). */
  const fromConsole = ({ text, url }) => {
    if (!/Refused to|Content Security Policy|Trusted ?Type/i.test(text)) return undefined;
    const directive = /directive:? "([a-z-]+)/i.exec(text)?.[1] ?? (/Trusted ?Type/i.test(text) ? 'require-trusted-types-for' : '?');
    return [{ via: 'console', directive, blocked: /'((?:https?|blob|data):[^']*)'/.exec(text)?.[1] ?? url, text }];
  };
  const onConsole = (m) => seen.push(...(fromConsole({ text: m.text(), url: m.location()?.url ?? '' }) ?? []));
  page.on('console', onConsole);
  page.on('workercreated', (w) => w.on?.('console', onConsole));
  page.on('issue', (issue) => {
    const d = issue.details?.contentSecurityPolicyIssueDetails;
    if (issue.code !== 'ContentSecurityPolicyIssue' || !d) return;
    seen.push({
      via: 'DevTools issue',
      directive: d.violatedDirective,
      blocked: d.blockedURL ?? d.contentSecurityPolicyViolationType,
      text: JSON.stringify(d),
    });
  });
  await page.evaluateOnNewDocument(() => {
    window.__rwCspViolations = [];
    window.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__rwCspViolations.push({
          directive: e.effectiveDirective || e.violatedDirective,
          blocked: e.blockedURI,
          text: `${e.disposition} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        }),
      true,
    );
  });
  return {
    fromConsole,
    async all() {
      const inPage = await page.evaluate(() => window.__rwCspViolations ?? []).catch(() => []);
      return [...inPage.map((v) => ({ via: 'page event', ...v })), ...seen];
    },
  };
}

/** No violation but the expected one; and that one reported by the page itself, so the policy really is in force. */
async function checkViolations(all, expected, check) {
  const show = (list) => list.map((v) => `${v.via}: ${v.directive} refused ${v.blocked} (${v.text})`).join('\n');
  const others = all.filter((v) => !expected?.match(v));
  check(`no CSP violation${expected ? ` but ${expected.what}` : ''} (page events, console, DevTools issues)`, others.length === 0, show(others));
  if (expected) {
    const reported = all.filter((v) => v.via === 'page event' && expected.match(v));
    check(`the policy in force: ${expected.what} refused and reported`, reported.length > 0, `violations seen: ${show(all) || 'none'}`);
  }
}

/** Removes createImageBitmap before the widget loads, and counts the <img> that decode a blob: URL (init script). */
function withoutCreateImageBitmap() {
  window.__rwBlobImageDecodes = 0;
  window.createImageBitmap = undefined;
  const decode = HTMLImageElement.prototype.decode;
  HTMLImageElement.prototype.decode = function () {
    if (this.src.startsWith('blob:')) window.__rwBlobImageDecodes += 1;
    return decode.call(this);
  };
}

/** « Consulter » for `piece`: a new window at {api}/files/{token} that loads with HTTP 200; closed after. */
async function viewDocument(page, ctx, apiUrl, piece) {
  const button = await element(page, `the button « Consulter : ${piece} »`, 'button', `Consulter : ${piece}`);
  const opened = ctx.waitForTarget((t) => t.url().startsWith(`${apiUrl}/files/`), { timeout: 10000 });
  await button.click();
  const target = await opened;
  const popup = await target.page();
  try {
    if (!popup) throw new Error(`${target.url()}: opened, but not as a page`);
    await popup.waitForFunction(() => document.readyState === 'complete', { timeout: 10000, polling: 100 });
    const status = await popup.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseStatus);
    if (status !== 200) throw new Error(`${target.url()}: HTTP ${status ?? '?'}`);
  } finally {
    await popup?.close();
    await page.bringToFront();
  }
}

const unique = (list) => [...new Set(list)];

/** Width and height from a JPEG's first SOF marker; undefined when the bytes are not a JPEG. */
export function jpegSize(bytes) {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1];
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: (bytes[i + 5] << 8) | bytes[i + 6], width: (bytes[i + 7] << 8) | bytes[i + 8] };
    }
    i += 2 + length;
  }
  return undefined;
}

/** Waits until `fn(...args)`, run in the page, is truthy; says what the page shows when it never is. */
async function waitFor(page, what, fn, args = [], timeout = 15000) {
  try {
    return await page.waitForFunction(fn, { timeout, polling: 100 }, ...args);
  } catch {
    const seen = await page.evaluate(() => window.__rwJourney.text()).catch(() => '?');
    throw new Error(`${what}: not shown within ${timeout / 1000} s; the page shows: ${seen.slice(0, 800)}`);
  }
}

const waitForText = (page, text, timeout) => waitFor(page, `« ${text} »`, (t) => window.__rwJourney.text().includes(t), [text], timeout);

/** The element `window.__rwJourney[finder](...args)` returns, once it exists. */
async function element(page, what, finder, ...args) {
  const found = await waitFor(page, what, (f, ...a) => window.__rwJourney[f](...a), [finder, ...args]);
  const el = found.asElement();
  if (!el) throw new Error(`${what}: not an element`);
  return el;
}

/** What a parent did on each page, in order: every helper below records itself here. */
const actions = new WeakMap();
const count = (page, kind, what) => actions.get(page)?.push({ kind, what });

/** The height of the first `tag` (across shadow roots) once the layout has settled, in CSS pixels. */
async function heightOf(page, tag) {
  return page.evaluate(async (t) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = window.__rwJourney.all(t)[0];
    return el ? Math.round(el.getBoundingClientRect().height) : 0;
  }, tag);
}

/** One typed field: selecting its text and typing over it counts once. */
async function type(page, label, text) {
  const el = await element(page, `the field « ${label} »`, 'control', label);
  await el.click({ count: 3 });
  await el.type(text);
  count(page, 'typed', label);
}

/** A tap on an element found otherwise (a checkbox by its label). */
async function tap(page, el, what) {
  await el.click();
  count(page, 'click', what);
}

const click = async (page, name) => tap(page, await element(page, `the button « ${name} »`, 'button', name), name);

async function radio(page, legend, option) {
  await (await element(page, `« ${option} » in « ${legend} »`, 'radio', legend, option)).click();
  count(page, 'radio', `${legend} ${option}`);
}

/** A choice in a list (a <select>) whose label starts with `label`: one action, as a tap and a pick in a phone's picker. */
async function choose(page, label, optionText) {
  const el = await element(page, `the list « ${label} »`, 'list', label);
  const value = await el.evaluate((s, o) => [...s.options].find((x) => x.textContent.trim() === o)?.value, optionText);
  if (value === undefined) throw new Error(`« ${optionText} » is not in the list « ${label} »`);
  await el.select(value);
  count(page, 'list', `${label}${optionText}`);
}
