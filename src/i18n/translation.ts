/**
 * The shape a translation of one French catalogue module must have: the same ids, each a string
 * where French has a string and a function of the same parameters where French has one. Each
 * `src/i18n/en/<module>.ts` declares `satisfies Translation<typeof fr<Module>>`, so a missing or an
 * extra id fails the type check (and test/i18n/en.test.ts checks the whole catalogue at run time).
 */
export type Translation<T> = { [K in keyof T]: T[K] extends (p: infer P) => string ? (p: P) => string : string };
