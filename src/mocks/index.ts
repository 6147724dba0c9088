/**
 * `reinscription-wizard/mocks`: the mock backend for the demo page, tests and integrators.
 * Browser-safe only; the Node HTTP server lives in scripts/mock-server.ts.
 */
export { startMockBackend, type MockBackend, type MockBackendOptions } from './browser.js';
export { createHandlers, fieldErrorsOf, type HandlerOptions } from './handlers.js';
export {
  createScenarios,
  isScenarioName,
  RETRY_AFTER_SECONDS,
  SCENARIO_DESCRIPTIONS,
  SCENARIO_NAMES,
  Scenarios,
  SLOW_DELAY_MS,
  type Fault,
  type ScenarioName,
  type ScenarioOptions,
} from './scenarios.js';
export {
  createStore,
  MockError,
  MockStore,
  nextSchoolYear,
  parisCalendarDate,
  resetStore,
  sniffType,
  type DeclineRecord,
  type SentMail,
  type SessionRecord,
  type StoredDocument,
  type StoreOptions,
  type SubmissionRecord,
  type SubmitOptions,
} from './store.js';
export { missingPieces, receiptMail, type ReceiptInput } from './receipt-mail.js';
export {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_TYPES,
  ADDITIONAL_INFO_MAX_LENGTH,
  AUTHORISATION_VERSION,
  CONTACT_EMAIL,
  DEMO_CREDENTIALS,
  DEMO_FAMILY_ID,
  MAX_UPLOAD_BYTES,
  PRIVACY,
  QF_CONSEQUENCE,
  REFERENCES,
  RULES,
  rules,
  TIME_ZONE,
  TOWN,
  TOWN_POSTAL_CODE,
} from './seed.js';
