import * as z from 'zod/mini';

/**
 * Rich texts sent by the backend (payment explanations, authorisation texts, course notes) are
 * structured blocks rendered as DOM text and links. Never HTML, never markdown parsed in the browser:
 * a compromised or careless backend cannot inject markup into the town's page.
 */
export const HttpsUrl = z.string().check(z.regex(/^https:\/\/[^\s<>"]+$/), z.maxLength(2048));

export const Inline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().check(z.maxLength(5000)) }),
  z.object({ type: z.literal('strong'), text: z.string().check(z.maxLength(5000)) }),
  z.object({ type: z.literal('link'), text: z.string().check(z.maxLength(500)), href: HttpsUrl }),
]);
export type Inline = z.infer<typeof Inline>;

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: z.array(Inline) }),
  z.object({ type: z.literal('list'), items: z.array(z.array(Inline)) }),
]);
export type Block = z.infer<typeof Block>;

export const RichText = z.array(Block);
export type RichText = z.infer<typeof RichText>;

/** Plain text of a rich text, for summaries, print and tests. */
export function richTextToPlain(blocks: RichText): string {
  const inline = (parts: Inline[]) => parts.map((p) => p.text).join('');
  return blocks.map((b) => (b.type === 'paragraph' ? inline(b.content) : b.items.map((i) => `- ${inline(i)}`).join('\n'))).join('\n');
}
