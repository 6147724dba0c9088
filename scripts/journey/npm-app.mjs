/**
 * A developer's first use of the npm package: `npm pack` of this repository, installed offline
 * (from the tarball and the local npm cache: CI's machine has no other registry) into a fresh
 * Vite + TypeScript app, whose main.ts uses the typed API the README documents. `tsc --noEmit`
 * must pass (and its `@ts-expect-error` must be needed), then `vite build` makes what is served.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const installed = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * The app's package-lock.json, cut from this repository's: the packages the app needs (the
 * package's dependencies, vite, typescript, and theirs) at the versions already in the npm cache.
 * `npm install --offline` would need each package's registry metadata, which `npm ci` never
 * caches; `npm ci --offline` with a lock needs only the tarballs, which it does.
 */
function appLock({ pkg, tarballName, tarballBytes, devDependencies }) {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages;
  const picked = {};
  /** npm's lookup: node_modules/<dep> beside the requiring package, then in each parent. */
  const resolve = (from, dep) => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
      const key = `${base ? `${base}/` : ''}node_modules/${dep}`;
      if (lock[key]) return key;
      if (!base) return undefined;
    }
  };
  const visit = (key) => {
    if (picked[key]) return;
    // The project's dev/peer flags say nothing of the app's tree: npm ci recomputes them.
    const entry = Object.fromEntries(Object.entries(lock[key]).filter(([k]) => !['dev', 'devOptional', 'peer'].includes(k)));
    picked[key] = entry;
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    const deps = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((d) => !optionalPeers[d]?.optional),
    ];
    for (const dep of deps) {
      const found = resolve(key, dep);
      if (found) visit(found);
    }
  };
  for (const dep of [...Object.keys(pkg.dependencies), ...Object.keys(devDependencies)]) {
    const found = resolve('', dep);
    if (!found) throw new Error(`package-lock.json has no ${dep}`);
    visit(found);
  }
  return {
    name: 'town-app',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'town-app', dependencies: { [pkg.name]: `file:${tarballName}` }, devDependencies },
      [`node_modules/${pkg.name}`]: {
        version: pkg.version,
        resolved: `file:${tarballName}`,
        integrity: `sha512-${createHash('sha512').update(tarballBytes).digest('base64')}`,
        license: pkg.license,
        dependencies: pkg.dependencies,
        peerDependencies: pkg.peerDependencies,
        peerDependenciesMeta: pkg.peerDependenciesMeta,
      },
      ...picked,
    },
  };
}

const MAIN_TS = `import 'reinscription-wizard';
import type { ReinscriptionWizard } from 'reinscription-wizard';

// HTMLElementTagNameMap knows the tag: no cast.
const wizard = document.querySelector('reinscription-wizard');
if (!wizard) throw new Error('no <reinscription-wizard> in index.html');
const apiUrl: string = wizard.apiUrl;
const same: ReinscriptionWizard = wizard;
console.info('reinscription-wizard at', apiUrl, same.localName);

// GlobalEventHandlersEventMap knows the event: e.detail is typed.
wizard.addEventListener('reinscription-submitted', (e) => {
  const reference: string = e.detail.reference;
  document.body.dataset.reference = reference;
});

// @ts-expect-error a misspelt property must not compile
wizard.apiURL = 'https://example.org';
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ['src'],
};

/**
 * @returns {Promise<{ dist: string } | undefined>} the built app's folder, or undefined when a step failed (already reported)
 */
export async function buildNpmApp({ dir, apiUrl, contactEmail, check }) {
  const run = (what, cmd, args, cwd) => {
    try {
      const out = execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      check(what, true);
      return out;
    } catch (e) {
      check(what, false, `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().slice(-3000));
      return undefined;
    }
  };
  mkdirSync(join(dir, 'src'), { recursive: true });
  const packed = run('npm pack of this repository', 'npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  if (packed === undefined) return undefined;
  const tarballName = JSON.parse(packed)[0].filename;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const devDependencies = { vite: installed('vite'), typescript: installed('typescript') };
  const appPackage = { name: 'town-app', private: true, type: 'module', dependencies: { [pkg.name]: `file:${tarballName}` }, devDependencies };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
  const lock = appLock({ pkg, tarballName, tarballBytes: readFileSync(join(dir, tarballName)), devDependencies });
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  writeFileSync(join(dir, 'src', 'main.ts'), MAIN_TS);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Réinscriptions</title></head>
<body>
<reinscription-wizard api-url="${apiUrl}" contact-email="${contactEmail}"></reinscription-wizard>
<script type="module" src="/src/main.ts"></script>
</body>
</html>
`,
  );
  const npmArgs = ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'];
  if (run('installed offline from the tarball and the npm cache', 'npm', npmArgs, dir) === undefined) return undefined;
  if (run('tsc --noEmit: the typed API compiles, the misspelt property does not', join(dir, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', '.'], dir) === undefined) return undefined;
  if (run('vite build of the app', join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], dir) === undefined) return undefined;
  return { dist: join(dir, 'dist') };
}
