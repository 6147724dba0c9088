import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { CHROME_ARGS } from './scripts/chromium.mjs';

const require = createRequire(import.meta.url);

/**
 * Serves MSW's worker from the installed package (same version as the library): at the root, and in
 * any folder (test/mocks/sub-path/ is an app served under a sub-path, with its worker beside it).
 */
const mswWorker = {
  name: 'msw-worker',
  serve(context) {
    if (context.path.endsWith('/mockServiceWorker.js')) {
      return { body: readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8'), type: 'js' };
    }
    return undefined;
  },
};

/**
 * `forced-colors: active`, which web-test-runner's emulateMedia does not pass on with the Chrome
 * launcher (puppeteer refuses the feature): sent as CDP Emulation.setEmulatedMedia from a session
 * of our own, kept open while the emulation lasts. `executeServerCommand('emulate-forced-colors', { active })`.
 */
const forcedColorsSessions = new WeakMap();
const forcedColorsCommand = {
  name: 'emulate-forced-colors-command',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`forced-colors is not emulated for ${session.browser.type}`);
    const page = session.browser.getPage(session.id);
    let cdp = forcedColorsSessions.get(page);
    if (!cdp) {
      cdp = await page.createCDPSession();
      forcedColorsSessions.set(page, cdp);
    }
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : '' }] });
    return true;
  },
};

const launcher = (timezone) =>
  chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROME_ARGS,
    },
    async createPage({ context }) {
      const page = await context.newPage();
      if (timezone) await page.emulateTimezone(timezone);
      return page;
    },
  });

/**
 * Counts tests across all sessions so scripts/test.mjs can print a plain `N passed, N failed`, and names
 * each failure (file, test, first line of its error) so the end of a long CI log says which one failed.
 */
function countReporter(file = '.wtr-count.json') {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const failures = [];
      const where = (session) =>
        `${session.testFile.replace(`${process.cwd()}/`, '')}${session.group?.name && !['main', 'default'].includes(session.group.name) ? ` (${session.group.name})` : ''}`;
      const firstLine = (error) =>
        String(error?.message ?? error ?? '')
          .split('\n')[0]
          .slice(0, 300);
      const walk = (suite, session, path) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped += 1;
          else if (t.passed) passed += 1;
          else {
            failed += 1;
            failures.push(`${where(session)}: ${[...path, t.name].join(' › ')}: ${firstLine(t.error)}`);
          }
        }
        for (const s of suite.suites ?? []) walk(s, session, [...path, s.name]);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, session, []);
        // A file that fails to load has no test results: count it as one failure.
        else if (!session.passed) {
          failed += 1;
          failures.push(`${where(session)}: did not run: ${firstLine(session.errors?.[0])}`);
        }
        if (session.testResults && !session.passed && (session.errors?.length ?? 0) > 0) {
          failed += 1;
          failures.push(`${where(session)}: ${firstLine(session.errors[0])}`);
        }
      }
      writeFileSync(file, JSON.stringify({ passed, failed, skipped, failures }));
    },
  };
}

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [mswWorker, forcedColorsCommand, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // Per test file, not in total; a full journey file takes a while on 2 cores.
  testsFinishTimeout: 600000,
  // A safety net for whole journeys on a busy 2-core machine; no test asserts on time.
  testFramework: { config: { timeout: 30000 } },
  browsers: [launcher()],
  reporters: [defaultReporter(), countReporter()],
  groups: [
    { name: 'main', files: ['test/**/*.test.ts', '!test/**/*.tz-new-york.test.ts', '!test/**/*.history.test.ts'] },
    {
      // A browser of its own: the runner reuses one page per browser for every file, and that page's
      // session history (capped at 50 entries by Chromium) makes history.back() land on other files.
      name: 'history',
      files: ['test/**/*.history.test.ts'],
      browsers: [launcher()],
    },
    {
      // The deadline must read the same in Paris time whatever the visitor's own time zone.
      name: 'new-york',
      files: ['test/**/*.tz-new-york.test.ts'],
      browsers: [launcher('America/New_York')],
    },
  ],
};
