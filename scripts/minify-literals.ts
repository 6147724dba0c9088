import MagicString from 'magic-string';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * The build's minifier leaves template literals as written, so every css`` and html`` of the
 * widget reached a parent's phone with its indentation and comments (about 8 kB of the login path
 * alone). This plugin rewrites the static text of those two tags before the minifier runs:
 *
 * - css``: comments removed, whitespace collapsed and dropped around `{ } ; , :` (never before a
 *   `:`, which in a selector means « descendant, then pseudo-class »); quoted strings untouched;
 * - html``: each run of whitespace that holds a line break becomes one space. Rendering collapses
 *   such runs to one space anyway, so inline layout is unchanged; a template that holds <pre> or
 *   <textarea>, where whitespace is content, is left as written.
 *
 * The templates are found with TypeScript's own parser, not a regular expression: expressions
 * nest templates inside templates. Only the build uses it (the tests and the dev server run the
 * sources as written).
 */
export function minifyLiterals(): Plugin {
  return {
    name: 'minify-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const out = new MagicString(code);
      let changed = false;
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html')) {
          const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
          const template = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
          const whole = parts.map((p) => rawText(p, code)).join('');
          if (node.tag.text === 'css' || !/<(pre|textarea)\b/i.test(whole)) {
            for (const part of parts) {
              const [start, end] = rawRange(part, code);
              const before = code.slice(start, end);
              const after = minify(before);
              if (after !== before) {
                out.overwrite(start, end, after);
                changed = true;
              }
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

/** The raw text of a template part, between its delimiters (` or } before, ` or ${ after). */
function rawRange(part: ts.TemplateLiteralLikeNode & ts.Node, code: string): [number, number] {
  const start = part.getStart() + 1;
  const end = part.getEnd() - (code.slice(part.getEnd() - 2, part.getEnd()) === '${' ? 2 : 1);
  return [start, end];
}

const rawText = (part: ts.TemplateLiteralLikeNode & ts.Node, code: string) => code.slice(...rawRange(part, code));

/** CSS outside quoted strings: no comments, no indentation. Only ASCII whitespace: a no-break space is content. */
export function minifyCss(text: string): string {
  return text
    .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)
    .map((chunk, i) =>
      i % 2 === 1
        ? chunk
        : chunk
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/[ \t\r\n]+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** HTML: a run of whitespace with a line break in it is one space, as rendering makes it. */
export function minifyHtml(text: string): string {
  return text.replace(/[ \t\r]*\n[ \t\r\n]*/g, ' ');
}
