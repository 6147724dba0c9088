/**
 * `npm run analyze`: custom-elements.json from the JSDoc on each element (for editors and Storybook).
 * Elements are registered through our `define(tag, Class)` helper (it skips tags already defined),
 * which the analyzer does not know: the plugin below reads those calls.
 */
function defineHelperPlugin() {
  return {
    name: 'define-helper',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg)) return;
      const className = classArg.getText();
      const declaration = moduleDoc.declarations?.find((d) => d.name === className);
      if (!declaration) return;
      declaration.tagName = tagArg.text;
      declaration.customElement = true;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tagArg.text, declaration: { name: className, module: moduleDoc.path } },
      ];
    },
  };
}

/** The analyzer reads files concurrently: sort modules so the committed file is the same every run. */
function stableOrderPlugin() {
  return {
    name: 'stable-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['src/wizard/wizard.ts', 'src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.worker.ts'],
  outdir: '.',
  // package.json names the manifest once ("customElements": "custom-elements.json"); the analyzer
  // must not rewrite it, least of all to the temporary folder of scripts/check-manifest.mjs.
  packagejson: false,
  litelement: true,
  plugins: [defineHelperPlugin(), stableOrderPlugin()],
};
