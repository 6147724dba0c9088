/** The CSS parts the wizard re-exports from every inner screen, so one stylesheet themes them all. */
export const EXPORTED_PARTS =
  'heading, field, error-summary, alert, contact, section, notice, changes, courses, notes, table, panel, actions, campaign, students, student, badge, decline-panel, edit, warning, confirmation, answers, missing';
