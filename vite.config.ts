import { defineConfig } from 'vite';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/**
 * `npm start` serves demo/index.html with the widget running against the MSW mock backend.
 * The service worker is served straight from the installed msw package, so its version always
 * matches the library's and nothing generated has to be committed.
 * `npm run build` writes one self-contained, minified ES module to dist/.
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
  ],
  // Chunks and the worker are found relative to the main module, wherever WordPress serves it.
  base: './',
  worker: {
    format: 'es',
    rolldownOptions: { output: { entryFileNames: 'compress.worker.js' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'reinscription-wizard.js',
    },
    rolldownOptions: {
      // Lets what the steps chunk shares with the main module stay inside the main module,
      // instead of a third file loaded up front.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        // Stable names, so the assets-url fallback can find the steps chunk (src/wizard/load-steps.ts).
        chunkFileNames: 'reinscription-wizard-[name].js',
      },
    },
  },
}));
