#!/usr/bin/env node
/**
 * Fails on any import cycle between the modules of src/ (part of `npm run lint`).
 *
 * Why type imports count too: a type-only cycle costs nothing at run time, but it is where a value
 * cycle starts the day someone imports a value along the same edge — and cycles are what make a
 * chunk (the steps' strings, the steps themselves) drag the rest of the bundle along. The one known
 * cycle, i18n/index.ts ↔ i18n/fr/steps-catalogue.ts, was type-only.
 *
 * Edges: every `import … from`, `import '…'`, `export … from` and `typeof import('…')`, read with
 * TypeScript's parser (so comments and strings that look like imports are not edges). A dynamic
 * `import('…')` call is not an edge: it is a chunk boundary, evaluated later, so it cannot take part
 * in an evaluation-order cycle. Relative `.js` specifiers resolve to the `.ts` file beside them, as
 * TypeScript's bundler resolution does; package imports are not followed.
 *
 * Prints each cycle as `a.ts → b.ts → a.ts` and exits 1; prints one summary line otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'src');

function* typeScriptFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** `./x.js` → `./x.ts` (or `./x/index.ts`); undefined for a package or an unresolvable path. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m?js|ts)$/, '');
  for (const candidate of [`${stem}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

function specifiersOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = [...typeScriptFiles(root)].sort();
const graph = new Map(
  files.map((file) => [
    file,
    [
      ...new Set(
        specifiersOf(file)
          .map((s) => resolveSpecifier(file, s))
          .filter(Boolean),
      ),
    ].sort(),
  ]),
);
const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);

/** Tarjan's strongly connected components: every cycle lies inside one component of two or more files (or one that imports itself). */
function components() {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = [];
  const connect = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v).includes(v)) result.push(component.sort());
    }
  };
  for (const file of files) if (!indices.has(file)) connect(file);
  return result;
}

/** One concrete cycle through `start` inside its component (breadth-first, so the shortest). */
function cycleThrough(start, component) {
  const inside = new Set(component);
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (inside.has(w) && !previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

const name = (file) => relative(root, file);
const cycles = components();
if (cycles.length > 0) {
  for (const component of cycles) {
    console.error(`Import cycle: ${cycleThrough(component[0], component).map(name).join(' → ')}`);
    if (component.length > 2) console.error(`  (${component.length} modules import each other: ${component.map(name).join(', ')})`);
  }
  console.error(`check-imports: ${cycles.length} import cycle(s) in ${relative(process.cwd(), root) || '.'}/`);
  process.exit(1);
}
console.log(`check-imports: no import cycle (${files.length} modules, ${edges} imports)`);
