/**
 * One cell of the fault table: a fresh incognito context, the mock reset with the call's fixture,
 * a session and a journey snapshot written to sessionStorage before the page loads, the fault
 * armed on that route only, the parent's one action, then what the parent sees (the alert, the
 * status, where they are), what is kept, whether a Retry-After is honoured, the fault cleared and
 * the call tried again (each retry kind the cell accepts, in order), and no error from the widget.
 */
import { CALL_DEFS } from './calls.mjs';
import { matcher } from './messages.mjs';
import { installAll, norm, pageUi } from './ui.mjs';

const SESSION_KEY = 'reinscription-wizard:session';
const journeyKey = (apiUrl) => `reinscription-wizard:journey:${apiUrl}`;

/** Milliseconds. `auto` is a save queue's first backoff (about 5 s, jittered); elsewhere a widget retrying by itself does so at once. */
// The status may say « Enregistrement… » for a while when the queue's own retry runs under load:
// long enough a wait for it to come back to « Pas encore enregistré… ».
/** Until the route's call count has not moved for `still` ms (at most `max` ms). */
async function quiet(calls, route, still = 600, max = 4000) {
  const start = Date.now();
  let count = calls.get(route) ?? 0;
  let since = Date.now();
  while (Date.now() - since < still && Date.now() - start < max) {
    await new Promise((r) => setTimeout(r, 100));
    const now = calls.get(route) ?? 0;
    if (now !== count) [count, since] = [now, Date.now()];
  }
}

const WAIT = { alert: 4000, status: 8000, settle: 300, retried: 3000, autoSave: 9000, auto: 2500, online: 3000, watch: 1500 };

/** What the table says of each retry kind. */
export const RETRY_CODES = { auto: '↻ auto', button: 'Réessayer', again: '↻ again', relogin: '↻ relogin', reload: '↻ reload' };

async function control(mock, path, body = {}) {
  const res = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Chromium's own log of a failed request: what the cell provoked, not an error of the widget. */
const isNetworkLog = (text) => /^Failed to load resource/.test(text) || /net::ERR_/.test(text);

const get = (value, path) => path.split('.').reduce((v, k) => (v == null ? v : v[k]), value);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const short = (s, n = 160) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Polls `read()` (in Node) until `test` holds for one of its items; the item, or undefined. */
async function poll(read, test, timeout) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await read().catch(() => [])).find(test);
    if (found !== undefined || Date.now() >= until) return found;
    await new Promise((r) => setTimeout(r, 120));
  }
}

/**
 * @param {object} o
 * @param {import('puppeteer-core').Browser} o.browser
 * @param {{ mock: any, pageUrl: string, calls: Map<string, number> }} o.worker   its own mock server and page
 * @param {{ call: any, fault: any, expect: any }} o.cell
 * @param {{ t: Function, isMessageId: Function, french: object }} o.catalogue
 * @param {object} o.shared   what every cell's context has (t, fixtures, names, the PDF's path)
 */
export async function runCell({ browser, worker, cell, catalogue, shared }) {
  const { call, fault, expect } = cell;
  const def = CALL_DEFS[call.route];
  const { mock, pageUrl } = worker;
  const apiUrl = mock.url;
  const started = Date.now();
  const problems = [];
  const flags = [];
  const out = { route: call.route, fault: fault.name, ok: false, codes: [], shown: null, status: null, kept: null, retry: null, problems, ms: 0 };

  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const widgetErrors = [];
  page.on('console', (m) => m.type() === 'error' && !isNetworkLog(m.text()) && widgetErrors.push(m.text()));
  page.on('pageerror', (e) => widgetErrors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
  const ui = pageUi(page);
  const t = catalogue.t;

  const heading = def.step ? t('stepper.heading', { current: def.step, total: 6, title: t(`stepper.title.${def.step}`) }) : null;
  const alertMatcher = expect.alert ? matcher(catalogue, expect.alert) : null;
  const statusMatcher = expect.status ? matcher(catalogue, expect.status) : null;
  // Partly missing (« any of ») is fine; a message none of whose ids the catalogue knows can never be seen.
  for (const m of [alertMatcher, statusMatcher]) {
    if (m && m.missing.length === m.ids.length) {
      flags.push('id missing');
      problems.push(`message id missing: ${m.missing.join(', ')}`);
    }
  }

  try {
    // ------------------------------------------------------------ seeded state
    const { documents } = await control(mock, '/__mock/reset', { fixture: def.fixture ?? 'seed' });
    const session = def.session ? await control(mock, '/__mock/session', {}) : null;
    const c = { ...shared, t, store: mock.store, session, documents };
    const storage = [];
    if (session) storage.push([SESSION_KEY, JSON.stringify({ apiUrl, session: def.sessionInTab ? def.sessionInTab(session) : session })]);
    const journey = def.journey(c);
    if (journey) storage.push([journeyKey(apiUrl), JSON.stringify(journey)]);
    await installAll(page);
    // Once per tab: a reload keeps what the widget wrote since.
    await page.evaluateOnNewDocument((entries) => {
      if (sessionStorage.getItem('fault-table:seeded')) return;
      for (const [k, v] of entries) sessionStorage.setItem(k, v);
      sessionStorage.setItem('fault-table:seeded', '1');
    }, storage);
    if (def.pageClock) {
      await page.evaluateOnNewDocument((every) => {
        const setInterval = window.setInterval.bind(window);
        window.setInterval = (fn, ms, ...args) => setInterval(fn, ms === every ? 250 : ms, ...args);
      }, def.pageClock);
    }

    const arm = () => control(mock, '/__mock/scenario', { name: fault.name, routes: [call.route] });
    if (def.armBeforeLoad) await arm();
    await page.goto(pageUrl, { waitUntil: 'load' });
    try {
      await def.ready(ui, c);
    } catch (e) {
      flags.push('not ready');
      throw e;
    }
    if (!def.armBeforeLoad) await arm();

    // ------------------------------------------------------------ the action, and what the parent sees
    try {
      await def.act(ui, c);
    } catch (e) {
      flags.push('action failed');
      throw e;
    }
    if (alertMatcher) {
      const seen = await poll(ui.alerts, (a) => alertMatcher.test(a), expect.orOnScreen ? WAIT.status : WAIT.alert);
      const all = await ui.alerts().catch(() => []);
      out.shown = short(seen ?? all[0] ?? null);
      const onScreen = !seen && expect.orOnScreen ? matcher(catalogue, expect.orOnScreen) : null;
      if (seen) out.codes.push('alert');
      else if (onScreen && onScreen.test(await page.evaluate(() => window.__rwFault.screenText()))) out.codes.push('field errors');
      else {
        out.codes.push(all.length ? 'other alert' : 'no alert');
        problems.push(
          all.length
            ? `the alert does not say ${alertMatcher.ids.join(' or ')}: « ${short(all.join(' | '), 300)} »`
            : `no alert (expected ${alertMatcher.ids.join(' or ')})`,
        );
      }
    } else {
      await new Promise((r) => setTimeout(r, WAIT.settle));
      const all = await ui.alerts();
      out.shown = short(all[0] ?? null);
    }
    if (statusMatcher) {
      const seen = await poll(ui.statuses, (s) => statusMatcher.test(s), problems.length ? WAIT.settle : WAIT.status);
      out.status = short(seen ?? (await ui.statuses())[0] ?? null);
      if (!expect.alert) out.codes.push(seen ? 'status' : 'no status');
      else out.codes[out.codes.length - 1] += seen ? ' + status' : ' + no status';
      if (!seen) {
        problems.push(`no role="status" saying ${statusMatcher.ids.join(' or ')}${out.status ? ` (it says « ${out.status} »)` : ''}`);
      }
    }
    const loginShown = await checkWhere(expect.after);
    // The expiry said, and the login over the screen.
    if (loginShown && out.codes[0] === 'alert') out.codes[0] = 'login';
    for (const text of expect.gone ?? []) {
      if (await ui.onScreen(text)) problems.push(`« ${text} » still shown`);
      else out.codes.push('gone');
    }

    // ------------------------------------------------------------ kept
    const keptResults = [];
    let fieldsChecked = false;
    const checkKept = async ({ fields, journey }) => {
      if (fields) fieldsChecked = true;
      for (const k of expect.kept) {
        if ('field' in k && fields) {
          const v = await ui.value(k.field);
          keptResults.push({ what: `« ${k.field} »`, ok: v === undefined ? !!k.optional : same(v, k.value), seen: v });
        } else if ('journey' in k && journey) {
          const raw = await ui.storage(journeyKey(apiUrl));
          const work = raw ? JSON.parse(raw).students?.[shared.student] : undefined;
          keptResults.push({ what: `journey ${k.journey}`, ok: same(get(work, k.journey), k.value), seen: get(work, k.journey) });
        } else if ('text' in k && fields) keptResults.push({ what: `« ${k.text} » shown`, ok: await ui.hasText(k.text, 500) });
      }
    };
    // Behind a login (401) the screen is not shown: its fields are checked once logged in again.
    await checkKept({ fields: !loginShown, journey: true });

    // ------------------------------------------------------------ a Retry-After is honoured
    if (expect.noEarlyRetry) {
      worker.calls.set(call.route, 0);
      await new Promise((r) => setTimeout(r, WAIT.watch));
      const again = worker.calls.get(call.route) ?? 0;
      if (again > 0) {
        flags.push('retried early');
        problems.push(`${again} more call(s) within ${WAIT.watch / 1000} s despite Retry-After: 30`);
      }
    }

    // ------------------------------------------------------------ cleared, then tried again
    // The widget may still be trying on its own (the campaign asked again at the login): the fault
    // is cleared once the route has been quiet a moment, so what cures the cell is the retry tried,
    // never a call already on its way, and the table says the same thing run after run.
    await quiet(worker.calls, call.route);
    await control(mock, '/__mock/scenario', { name: 'none' });
    const tried = [];
    // A cell already failed tries its retries without the long waits, so a broken widget still fits the 5 minutes.
    const hurry = problems.length > 0;
    if (hurry) ui.setPatience(WAIT.watch);
    for (const kind of expect.retry) {
      tried.push(kind);
      if (await attempt(kind, c, checkKept, hurry)) {
        out.retry = kind;
        break;
      }
    }
    // Never logged in again: the screen's fields could not be seen, so they are not known to be kept.
    if (!fieldsChecked) for (const k of expect.kept) if (!('journey' in k)) keptResults.push({ what: `« ${k.field ?? k.text} »`, ok: false });
    if (expect.kept.length) {
      const lost = keptResults.filter((k) => !k.ok);
      out.kept = lost.length === 0;
      out.codes.push(out.kept ? 'kept' : 'lost');
      if (lost.length)
        problems.push(`not kept: ${lost.map((k) => `${k.what}${k.seen !== undefined ? ` = ${short(JSON.stringify(k.seen), 80)}` : ' not shown'}`).join(', ')}`);
    }
    if (expect.retry.length) {
      out.codes.push(out.retry ? RETRY_CODES[out.retry] : 'not retried');
      if (!out.retry) problems.push(`not retried (tried: ${tried.join(', ')})`);
    }
  } catch (e) {
    problems.push(e instanceof Error ? e.message.split('\n')[0] : String(e));
    if (!flags.length) flags.push('error');
  } finally {
    await control(mock, '/__mock/scenario', { name: 'none' }).catch(() => undefined);
    if (widgetErrors.length) {
      flags.push('console error');
      problems.push(`console: ${short([...new Set(widgetErrors)].join(' | '), 300)}`);
    }
    await context.close().catch(() => undefined);
  }
  out.codes.push(...new Set(flags));
  out.ok = problems.length === 0;
  out.ms = Date.now() - started;
  return out;

  /** Where the parent is after the failure; true when a login shows over the screen, as expected. */
  async function checkWhere(after) {
    const password = t('login.password.label');
    const loginShown = after === 'login' && (await ui.hasField(password, 1500));
    if (after === 'login' && !loginShown) {
      flags.push('no login');
      problems.push('the login does not show over the screen');
    }
    if (after === 'not-login' && (await ui.hasField(password))) {
      flags.push('asks password');
      problems.push('the password is asked again');
    }
    if (after === 'same-step' && !(await ui.hasText(heading, 1000))) {
      flags.push('left step');
      problems.push(`no longer on « ${heading} »`);
    }
    if (after === 'home' && !(await ui.hasText(shared.greeting, 1000))) {
      flags.push('no home');
      problems.push('the home is not shown');
    }
    if (after === 'logged-out') {
      const stored = await page.evaluate((keys) => keys.filter((k) => sessionStorage.getItem(k) !== null), [SESSION_KEY, journeyKey(apiUrl)]);
      const formShown = await ui.hasField(t('login.identifier.label'), 1500);
      if (stored.length || !formShown) {
        flags.push('not logged out');
        problems.push(`${formShown ? '' : 'no login shown; '}${stored.length ? `still in sessionStorage: ${stored.join(', ')}` : ''}`);
      }
    }
    return loginShown;
  }

  /** One way of trying again; true once the call succeeded. */
  async function attempt(kind, c, checkKept, hurry) {
    const succeeded = (timeout = hurry ? WAIT.watch : WAIT.retried) => def.succeeded(ui, c, timeout);
    switch (kind) {
      case 'auto': {
        // A Retry-After of 30 s is not waited for: the browser coming back online flushes at once.
        if (!fault.retryAfter && (await succeeded(call.save && !hurry ? WAIT.autoSave : WAIT.auto))) return true;
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        return succeeded(hurry ? WAIT.watch : WAIT.online);
      }
      case 'button':
        return (await ui.clickStarting(t('common.retry'))) && succeeded();
      case 'again':
        await def.act(ui, c).catch(() => undefined);
        return succeeded();
      case 'relogin': {
        const password = t('login.password.label');
        if (!(await ui.hasField(password))) return false;
        await ui.type(password, shared.password);
        await ui.click(t('login.submit'));
        await ui.waitFor((l) => !window.__rwJourney.control(l), [norm(password)], WAIT.retried);
        await new Promise((r) => setTimeout(r, WAIT.settle));
        await checkKept({ fields: true, journey: false });
        if (await (def.succeededAfterLogin ?? def.succeeded)(ui, c, 1000)) return true;
        await def.act(ui, c).catch(() => undefined);
        return succeeded();
      }
      case 'reload':
        await page.reload({ waitUntil: 'load' });
        return succeeded(WAIT.retried * 2);
      default:
        throw new Error(`unknown retry kind ${kind}`);
    }
  }
}
