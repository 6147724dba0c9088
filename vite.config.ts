import { defineConfig, type Plugin } from 'vite';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import MagicString from 'magic-string';
import { minifyLiterals } from './scripts/minify-literals.js';

const require = createRequire(import.meta.url);

/** The stable name a page loads (`<script type="module" src=…>`, the npm `./bundle` export). */
const ENTRY = 'reinscription-wizard.js';
const WORKER = /reinscription-wizard-compress-worker-[\w-]+\.js/;

/**
 * Content-hashed names everywhere, so a browser cache can never mix two releases, and each file is
 * loaded once per page:
 * - the main module is `reinscription-wizard-<hash>.js`, and the steps chunk imports it by that name;
 * - `reinscription-wizard.js` is a one-line facade re-exporting it, for pages that want a stable URL;
 * - `reinscription-wizard.asset.php` and `manifest.json` name the files, so the WordPress plugin
 *   enqueues the hashed main module itself (no `?ver=`: a query would make it a second module);
 * - the placeholders `__RW_APP_CHUNK__` (wizard/load-app.ts), `__RW_STEPS_CHUNK__`
 *   (wizard/load-steps.ts), `__RW_EN_CHUNK__` (i18n/load-locale.ts) and `__RW_COMPRESS_WORKER__`
 *   (files/compress.ts) become the hashed names of those chunks and of the worker, before hashing,
 *   so they count in the hash of the file that names them.
 */
function hashedNames(): Plugin {
  return {
    name: 'hashed-names',
    apply: 'build',
    enforce: 'post',
    renderChunk(code, _chunk, _options, meta) {
      if (!code.includes('__RW_')) return null;
      const steps = Object.values(meta.chunks).find((c) => c.name === 'steps');
      const app = Object.values(meta.chunks).find((c) => c.name === 'app');
      const en = Object.values(meta.chunks).find((c) => c.name === 'en');
      // The login's schemas travel in whichever shared chunk the bundler put them in: found by module.
      const loginContract = Object.values(meta.chunks).find((c) => c.moduleIds.some((id) => id.endsWith('/src/api/login-contract.ts')));
      const worker = WORKER.exec(code)?.[0];
      if (code.includes('__RW_STEPS_CHUNK__') && !steps) this.error('hashed-names: no steps chunk');
      if (code.includes('__RW_APP_CHUNK__') && !app) this.error('hashed-names: no app chunk');
      if (code.includes('__RW_LOGIN_CONTRACT_CHUNK__') && !loginContract) this.error('hashed-names: no chunk holds the login contract');
      if (code.includes('__RW_EN_CHUNK__') && !en) this.error('hashed-names: no English chunk');
      if (code.includes('__RW_COMPRESS_WORKER__') && !worker) this.error('hashed-names: the worker is not named in the chunk that uses it');
      // magic-string keeps the source maps right after a replacement of another length.
      const out = new MagicString(code);
      out
        .replaceAll('__RW_STEPS_CHUNK__', steps?.fileName ?? '')
        .replaceAll('__RW_APP_CHUNK__', app?.fileName ?? '')
        .replaceAll('__RW_LOGIN_CONTRACT_CHUNK__', loginContract?.fileName ?? '')
        .replaceAll('__RW_EN_CHUNK__', en?.fileName ?? '')
        .replaceAll('__RW_COMPRESS_WORKER__', worker ?? '');
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const main = chunks.find((c) => c.isEntry);
      const steps = chunks.find((c) => c.name === 'steps');
      const app = chunks.find((c) => c.name === 'app');
      const en = chunks.find((c) => c.name === 'en');
      const worker = Object.keys(bundle).find((f) => WORKER.test(f));
      if (!main || !app || !steps || !en || !worker) {
        const missing = Object.entries({
          'main module': main,
          'app chunk': app,
          'steps chunk': steps,
          'English chunk': en,
          'compression worker': worker,
        }).filter(([, f]) => !f);
        // A tree-shaker that dropped the steps' elements drops the worker with them: fail here, not on a parent's phone.
        return this.error(`hashed-names: no ${missing.map(([n]) => n).join(', ')} in the bundle`);
      }
      for (const c of chunks) {
        if (c.code.includes('__RW_')) this.error(`hashed-names: a placeholder is left in ${c.fileName}`);
      }
      // The login path: the main module and what it imports statically, all needed before the first field.
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const login = new Set<string>();
      const visit = (file: string) => {
        if (login.has(file)) return;
        login.add(file);
        for (const f of byName.get(file)?.imports ?? []) visit(f);
      };
      visit(main.fileName);
      const manifest = {
        main: main.fileName,
        app: app.fileName,
        steps: steps.fileName,
        locales: { en: en.fileName },
        worker,
        facade: ENTRY,
        login: [...login],
      };
      this.emitFile({ type: 'asset', fileName: ENTRY, source: `export * from './${main.fileName}';\n` });
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
      this.emitFile({
        type: 'asset',
        fileName: 'reinscription-wizard.asset.php',
        source:
          '<?php\n// Written by the build (vite.config.ts): the content-hashed main module the plugin enqueues, and the\n' +
          '// files of the login path, which a page that has the widget may ask for early (modulepreload).\n' +
          `return array( 'file' => '${main.fileName}', 'preload' => array( ${[...login].map((f) => `'${f}'`).join(', ')} ) );\n`,
      });
    },
  };
}

/**
 * `npm start` serves demo/index.html with the widget running against the MSW mock backend.
 * The service worker is served straight from the installed msw package, so its version always
 * matches the library's and nothing generated has to be committed.
 * `npm run build` writes the minified ES modules to dist/.
 */
export default defineConfig(({ command }) => ({
  root: command === 'serve' ? 'demo' : '.',
  server: { port: 5173, strictPort: false, open: false, fs: { allow: ['..'] } },
  plugins: [
    {
      name: 'msw-service-worker',
      configureServer(server) {
        server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8'));
        });
      },
    },
    minifyLiterals(),
    hashedNames(),
  ],
  // Chunks and the worker are found relative to the main module, wherever WordPress serves it.
  base: './',
  worker: {
    format: 'es',
    rolldownOptions: { output: { entryFileNames: 'reinscription-wizard-compress-worker-[hash].js' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/bundle.ts',
      formats: ['es'],
      fileName: () => 'reinscription-wizard-[hash].js',
    },
    rolldownOptions: {
      // Lets what the steps chunk shares with the main module stay inside the main module,
      // instead of a third file loaded up front.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        chunkFileNames: 'reinscription-wizard-[name]-[hash].js',
      },
    },
  },
}));
