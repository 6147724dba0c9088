import type { Campaign, CampaignTranslation } from './contract.js';

/** The fields of a localised campaign's objects that had no translation and show in French. */
const frenchFields = new WeakMap<object, ReadonlySet<string>>();
/** Each campaign's localised copies, by language. */
const cache = new WeakMap<Campaign, Map<string, Campaign>>();

/**
 * Copies `original` with the translated fields in place; the fields left untranslated are noted,
 * for `frenchIn()`.
 */
function translated<T extends object>(original: T, translation: Partial<T> | undefined, fields: readonly (keyof T & string)[]): T {
  const out = { ...original };
  const french = new Set<string>();
  for (const field of fields) {
    if (original[field] === undefined) continue;
    const value = translation?.[field];
    if (value !== undefined) out[field] = value as T[typeof field];
    else french.add(field);
  }
  frenchFields.set(out, french);
  return out;
}

/**
 * The campaign in `lang`: each of its own texts (authorisations, document types, payment modes,
 * notes) from `translations[lang]` where the backend sent one, else in French, which `frenchIn()`
 * then says, so its element carries `lang="fr"`. The same campaign and language give the same
 * object (screens compare it).
 */
export function localiseCampaign(campaign: Campaign, lang: string): Campaign {
  if (lang === 'fr') return campaign;
  let byLang = cache.get(campaign);
  if (!byLang) cache.set(campaign, (byLang = new Map()));
  const known = byLang.get(lang);
  if (known) return known;
  const tr: CampaignTranslation = (lang === 'en' ? campaign.translations?.en : undefined) ?? {};
  const localised = translated(
    {
      ...campaign,
      authorisations: campaign.authorisations.map((a) => translated(a, tr.authorisations?.[a.code], ['label', 'text', 'adultText'])),
      documents: { ...campaign.documents, types: campaign.documents.types.map((d) => translated(d, tr.documentTypes?.[d.code], ['label', 'consequence'])) },
      paymentModes: campaign.paymentModes.map((m) => translated(m, tr.paymentModes?.[m.code], ['label', 'explanation'])),
    },
    { paymentNotes: tr.paymentNotes, courseNotes: tr.courseNotes },
    ['paymentNotes', 'courseNotes'],
  );
  byLang.set(lang, localised);
  return localised;
}

/**
 * 'fr' when this field of a localised campaign object (the campaign, one of its authorisations,
 * document types or payment modes) shows in French on a page in another language, because no
 * translation came: put on the text's element as `lang`. Undefined otherwise (it inherits).
 */
export function frenchIn(owner: object | undefined, field: string): 'fr' | undefined {
  return owner && frenchFields.get(owner)?.has(field) ? 'fr' : undefined;
}
