import * as z from 'zod/mini';
import type { MessageId } from '../i18n/index.js';
import { hasHiddenCharacters } from './characters.js';

/**
 * An address shape, not a deliverability test: something@domain.tld, no spaces, one @, a domain of
 * dot-separated labels ending with a top-level domain of 2+ letters. Accented domains (IDN, e.g.
 * « société.fr ») pass. No « confirm your e-mail » field: the recap shows it for checking.
 * The domain is lower-cased (it is case-insensitive); the local part is kept as typed.
 */
export const EMAIL_MAX = 254;

const LOCAL = /^[^\s@"(),:;<>[\]\\]+$/u;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

export function normaliseEmail(value: string): string {
  const v = value.normalize('NFC').trim();
  const at = v.lastIndexOf('@');
  return at < 0 ? v : `${v.slice(0, at)}@${v.slice(at + 1).toLowerCase()}`;
}

export function isEmailShape(value: string): boolean {
  const parts = value.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;
  return local.length <= 64 && LOCAL.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && DOMAIN.test(domain);
}

export const email = (m: { required?: MessageId; format: MessageId }) =>
  z.string({ error: m.format }).check(
    z.overwrite(normaliseEmail),
    ...(m.required ? [z.minLength(1, { error: m.required, abort: true })] : []),
    z.maxLength(EMAIL_MAX, { error: 'validation.email.tooLong', abort: true }),
    // A control, a bidi override or a zero width pasted with the address (characters.ts): no mail server takes it.
    z.refine((v: string) => !hasHiddenCharacters(v), { error: 'validation.controlCharacters', abort: true }),
    z.refine((v: string) => v === '' || isEmailShape(v), { error: m.format, abort: true }),
  );
