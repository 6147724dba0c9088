import type { Campaign, RegistrationAnswers } from '../../api/contract.js';
import { formatPhone } from '../../format/display.js';
import { t, type MessageId } from '../../i18n/index.js';
import { FIELDS, fieldsOf, recapLabelOf, showValue, storedValue, type CoordinatesValues, type FieldSpec } from '../../schemas/coordinates.js';
import { changeField } from '../../schemas/coordinates-fields.js';
import '../../i18n/fr/steps-catalogue.js';

/**
 * The recap's « Coordonnées » as rows, derived from step 1's field table: each field with a recap
 * label is a row, in page order, read as « Éléments modifiés » reads it (src/format/display.ts).
 */
export interface RecapRow {
  /** The answer the row stands for, as « Éléments modifiés » names it (`guardian.address`, `paymentMode`). */
  field: string;
  label: MessageId;
  /** What the row says, one line each; none reads « Non renseigné ». */
  lines: string[];
}

export interface RecapGroup {
  heading: MessageId;
  rows: RecapRow[];
}

const GROUPS = [
  ['guardian', 'coordinates.guardian.legend'],
  ['student', 'coordinates.student.legend'],
  ['payment', 'recap.payment'],
] as const;

// The recap has always shown other countries' numbers as stored (see formatPhone).
const asRecapShows = { foreignPhones: 'stored' } as const;

function lines(field: FieldSpec, values: CoordinatesValues, campaign: Campaign): string[] {
  const stored = storedValue(values, field);
  if (field.recapAnswers) return [t(stored === 'oui' ? field.recapAnswers.yes : field.recapAnswers.no)];
  if (field.show === 'phones') return stored.split(', ').flatMap((p) => (p ? [formatPhone(p, { foreign: 'stored' })] : []));
  const withIt = (field.recapWith ?? []).map((key) => storedValue(values, { group: field.group, key }));
  const second = withIt.filter(Boolean).join(' ');
  return [showValue(field, stored, campaign, asRecapShows), second].filter(Boolean);
}

/** The bank-account question is a row only where the chosen mode asks it, as on step 1. */
const asked = (field: FieldSpec, values: CoordinatesValues, campaign: Campaign) =>
  field.key !== 'bankChanged' || campaign.paymentModes.some((m) => m.code === values.paymentMode && m.asksBankChange);

/**
 * Rows of some of step 1's fields (a block of its short path, or a recap group), in page order:
 * each field with a recap label whose value is shown, as the recap reads it.
 */
export function coordinatesRows(fields: readonly FieldSpec[], values: CoordinatesValues, campaign: Campaign): RecapRow[] {
  return fields.flatMap((f) => {
    const label = recapLabelOf(f);
    return label && asked(f, values, campaign) ? [{ field: changeField(f), label, lines: lines(f, values, campaign) }] : [];
  });
}

export function coordinatesRecap(answers: RegistrationAnswers, campaign: Campaign): RecapGroup[] {
  const values: CoordinatesValues = {
    guardian: answers.guardian,
    student: answers.student,
    paymentMode: answers.paymentMode,
    bankChanged: answers.bankChanged,
  };
  return GROUPS.map(([group, heading]) => ({
    heading,
    rows: coordinatesRows(fieldsOf(group), values, campaign),
  }));
}

/**
 * The recap row that shows an answer's path (`guardian.postalCode`, `guardian.extraPhones.1`,
 * `paymentMode`): its field's own, or the row it is shown on (the postcode on the address's).
 */
export function coordinatesRowOf(path: readonly string[]): string | undefined {
  const [group, key] = path;
  const fields = FIELDS as readonly FieldSpec[];
  const spec = fields.find((f) => (f.group === 'payment' ? f.key === group : f.group === group && f.key === key));
  if (!spec) return undefined;
  if (recapLabelOf(spec) !== null) return changeField(spec);
  const shownOn = fieldsOf(spec.group).find((f) => f.recapWith?.includes(spec.key));
  return shownOn && changeField(shownOn);
}
