/**
 * Step 1 « Modification des coordonnées », by job:
 * - coordinates-fields.ts: the one table of its fields, and the ids and change fields derived from it;
 * - coordinates-form.ts: the form as typed (persisted by the wizard), the backend → form prefill;
 * - coordinates-validation.ts: the form → normalised values, or errors by field id;
 * - coordinates-changes.ts: « Éléments modifiés ».
 * Other modules import from here, so where a function lives can change without touching them.
 */
export {
  blockOf,
  CHANGE_FIELDS,
  FIELD_IDS,
  FIELDS,
  fieldsOf,
  fieldsOfBlock,
  labelOf,
  recapLabelOf,
  SHARED_WITH_GUARDIAN,
  type Block,
  type ChangeField,
  type Field,
  type FieldId,
  type FieldSpec,
} from './coordinates-fields.js';
export {
  CoordinatesForm,
  fieldLabel,
  forNewSchoolYear,
  GuardianForm,
  StudentForm,
  syncStudentWithGuardian,
  toCoordinatesForm,
  type CoordinatesValues,
  type FieldKey,
} from './coordinates-form.js';
export {
  ADULT_AGE,
  GUARDIAN_MIN_AGE,
  isNotSchooled,
  MAX_AGE,
  parseCoordinatesForm,
  SCHOOL_AGE_MAX,
  sortErrors,
  STUDENT_MIN_AGE,
  studentAge,
  studentRequirements,
  type CoordinatesErrors,
  type ParseOptions,
  type ParseResult,
} from './coordinates-validation.js';
export { bankChangeSince } from './coordinates-payment.js';
export { coordinatesChangeLabels, diffCoordinates, previewCoordinates, referenceList, showValue, storedValue, type DiffLabels } from './coordinates-changes.js';
