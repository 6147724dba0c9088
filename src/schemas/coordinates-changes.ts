import type { Campaign, FieldChange } from '../api/contract.js';
import { countryName, departementName, formatDate, formatPhone, listLabel, yesNo } from '../format/display.js';
import { t } from '../i18n/index.js';
import { joinDateParts, partsToIso } from './birth-date.js';
import { truncate } from './characters.js';
import { changeField, FIELDS, fieldsOf, formKeys, labelOf, type ChangeField, type FieldSpec, type ListName } from './coordinates-fields.js';
import { shareGuardianCoordinates, type CoordinatesForm, type CoordinatesValues } from './coordinates-form.js';
import { FRANCE } from './country.js';
import { normaliseDepartement } from './departement.js';
import { normaliseEmail } from './email.js';
import { normaliseName } from './names.js';
import { phoneKey } from './phone.js';
import { compactPostcode } from './postcode.js';
import { normaliseText } from './text.js';
import '../i18n/fr/steps-catalogue.js';

/**
 * « Éléments modifiés »: what differs between what the backend sent and what the parent typed,
 * worded for the secretary, live on step 1 and once more on the recap. Its fields, labels and
 * formats are the field table's (coordinates-fields.ts).
 */

export type { ChangeField };

export interface DiffLabels {
  /** The label of each field as the secretary reads it, e.g. « Responsable – Mobile ». */
  fields: Record<ChangeField, string>;
  /** How a stored value reads: list codes as their labels, phones by pairs, dates JJ/MM/AAAA. */
  value: (field: ChangeField, value: string) => string;
}

const tel = phoneKey;

/** A field of a form that may not validate yet, as close to its stored form as can be told. */
function preview(field: FieldSpec, section: Record<string, string | boolean>): unknown {
  const typed = formKeys(field).map((key) => section[key]);
  if (field.input === 'check') return typed[0] === true;
  const [day = '', month = '', year = ''] = typed.map(String);
  if (field.input === 'date') return partsToIso({ day, month, year }) ?? (joinDateParts({ day, month, year }) || null);
  if (field.input === 'phones') return typed.map((v) => tel(String(v))).filter(Boolean);
  return field.show === 'phone' ? tel(String(typed[0])) : typed[0];
}

const previewSection = (group: 'guardian' | 'student', section: Record<string, string | boolean>) =>
  Object.fromEntries(fieldsOf(group).map((f) => [f.key, preview(f, section)]));

/**
 * A best-effort normalisation of a form that may not validate yet, for the live list: phones that
 * parse become E.164, real dates become ISO, everything else is compared as typed.
 */
export function previewCoordinates(form: CoordinatesForm): CoordinatesValues {
  const synced = shareGuardianCoordinates(form);
  return {
    guardian: previewSection('guardian', synced.guardian) as unknown as CoordinatesValues['guardian'],
    student: previewSection('student', synced.student) as unknown as CoordinatesValues['student'],
    paymentMode: form.paymentMode || null,
    bankChanged: form.bankChanged === '' ? null : form.bankChanged === 'oui',
  };
}

/** A field's stored value as one string: lists joined, booleans as « oui »/« non », nothing as ''. */
export function storedValue(values: CoordinatesValues, field: Pick<FieldSpec, 'group' | 'key'>): string {
  const source: unknown =
    field.group === 'payment' ? values[field.key as 'paymentMode' | 'bankChanged'] : (values[field.group] as unknown as Record<string, unknown>)[field.key];
  if (source === null || source === undefined) return '';
  if (typeof source === 'boolean') return source ? 'oui' : 'non';
  if (Array.isArray(source)) return source.map(String).join(', ');
  return String(source);
}

/** What counts as « the same value »: how it is written does not matter, only what it says. */
function comparisonKey(field: FieldSpec, value: string): string {
  if (field.compare === 'postcode') return compactPostcode(value).toUpperCase();
  if (field.compare === 'email') return normaliseEmail(value).toLowerCase();
  const show = field.show;
  if (typeof show === 'object') return value.trim();
  if (show === 'phone') return tel(value);
  if (show === 'phones') return value.split(',').map(tel).filter(Boolean).sort().join(',');
  if (show === 'departement') return value ? normaliseDepartement(value) : '';
  if (show === 'country') return value.trim().toUpperCase() || FRANCE;
  if (show === 'date' || show === 'yesNo') return value;
  // Names and places: « DUPONT » and « Dupont », « D’Agostino » and « D'Agostino » say the same.
  return normaliseName(normaliseText(value)).toLocaleLowerCase('fr');
}

/**
 * The fields whose value changed between what the backend sent and the current values, as the
 * secretary reads them. Only real changes count: an untouched prefilled field never appears,
 * however it is written. The bank-account question appears only while it is asked.
 */
export function diffCoordinates(original: CoordinatesValues, current: CoordinatesValues, labels: DiffLabels): FieldChange[] {
  const changes: FieldChange[] = [];
  const before$ = shareGuardianCoordinates(original);
  const after$ = shareGuardianCoordinates(current);
  const bothShared = original.student.useGuardianAddress && current.student.useGuardianAddress;
  for (const spec of FIELDS as readonly FieldSpec[]) {
    if (spec.key === 'bankChanged' && current.bankChanged === null) continue;
    // A yearly answer not given yet is nothing changed (yet): last year's value is not this year's.
    if (spec.yearly && storedValue(after$, spec) === '') continue;
    // While both use the guardian's coordinates, the guardian's line already says what changed.
    if (bothShared && spec.shared) continue;
    const before = storedValue(before$, spec);
    const after = storedValue(after$, spec);
    if (comparisonKey(spec, before) === comparisonKey(spec, after)) continue;
    const field = changeField(spec);
    // Within the contract's lengths, cut between graphemes: never half an emoji or a surrogate pair.
    changes.push({
      field,
      label: truncate(labels.fields[field], 200),
      before: truncate(labels.value(field, before), 500),
      after: truncate(labels.value(field, after), 500),
    });
  }
  return changes;
}

/** A campaign's reference list by name: the payment modes are a list of their own. */
export function referenceList(campaign: Campaign, name: ListName): readonly { code: string; label: string }[] {
  return name === 'paymentModes' ? campaign.paymentModes : campaign.references[name];
}

/**
 * How one stored value reads, '' for nothing: the field's `show` through src/format/display.ts.
 * A list of phones arrives joined by « , » (see storedValue) and reads the same way.
 */
export function showValue(field: FieldSpec, value: string, campaign: Campaign, o: { foreignPhones?: 'grouped' | 'stored' } = {}): string {
  if (value === '') return '';
  const show = field.show;
  if (typeof show === 'object') return listLabel(referenceList(campaign, show.list), value);
  const phone = (v: string) => formatPhone(v, { foreign: o.foreignPhones });
  switch (show) {
    case 'phone':
      return phone(value);
    case 'phones':
      return value.split(', ').map(phone).join(', ');
    case 'date':
      return formatDate(value);
    case 'departement':
      return departementName(value);
    case 'country':
      return countryName(value);
    case 'yesNo':
      return yesNo(value === 'oui');
    case 'text':
      return value;
  }
}

/** « Responsable – Mobile », « Élève – Nom », « Mode de règlement souhaité ». */
const changeLabel = (field: FieldSpec): string => {
  const label = t(labelOf(field));
  return field.group === 'payment' ? label : t('coordinates.changes.label', { title: t(`coordinates.${field.group}.legend`), field: label });
};

/** The French labels and value formats of « Éléments modifiés », for the element and the recap. */
export function coordinatesChangeLabels(campaign: Campaign): DiffLabels {
  const fields = Object.fromEntries(FIELDS.map((f) => [changeField(f), changeLabel(f)])) as Record<ChangeField, string>;
  const specs = new Map<string, FieldSpec>(FIELDS.map((f) => [changeField(f), f]));
  return {
    fields,
    value: (field, value) => {
      const spec = specs.get(field);
      return (spec ? showValue(spec, value, campaign) : value) || t('common.notProvided');
    },
  };
}
