/**
 * Debian's Chromium, as every browser check of the project starts it (web-test-runner, the build
 * checks, the journeys, the benchmarks): headless, as root (no sandbox), nothing fetched from Google.
 */
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
