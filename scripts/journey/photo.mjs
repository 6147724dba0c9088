/**
 * The 12-megapixel photo the journeys upload at step 3: the tests' own noisyPhoto()
 * (test/fixtures/noisy-photo.ts), bundled by esbuild for a blank page, run in Chromium once per
 * run and written to a file for the file chooser.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'noisy-photo.ts');

export async function makePhoto(browser, dir) {
  const bundled = await build({ entryPoints: [FIXTURE], bundle: true, format: 'iife', globalName: '__photo', target: 'es2022', write: false });
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: bundled.outputFiles[0].text });
    const { name, base64 } = await page.evaluate(async () => {
      const file = await window.__photo.noisyPhoto();
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { name: file.name, base64: btoa(binary) };
    });
    const file = join(dir, name);
    const bytes = Buffer.from(base64, 'base64');
    writeFileSync(file, bytes);
    return { file, bytes: bytes.length };
  } finally {
    await page.close();
  }
}
