import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Campaign, FieldChange, Registration, RegistrationAnswers } from '../../api/contract.js';
import { formatDate, formatPhone, yesNo } from '../../format/display.js';
import { t, type MessageId } from '../../i18n/index.js';
import { errorTemplate } from '../../ui/field.js';
import { coordinatesRecap, type RecapGroup } from './coordinates-rows.js';
import '../../i18n/fr/steps-catalogue.js';

/**
 * The answers of a re-registration as label / value lists: the recap (step 5) shows them before
 * sending, the confirmation (step 6) prints them as the receipt. Pure functions of the data, so
 * both read the same rows with the same words; each element adds its own headings and buttons.
 * The styles are `answersStyles` (recap.styles.ts), under a `.answers` container.
 */

export interface MissingDocument {
  label: string;
  scope: 'family' | 'student';
}

export interface ProvidedDocument {
  label: string;
  fileName: string;
}

export type Value = string | TemplateResult | null | undefined;

/** A message under an answer (the server refused it), its `id` for the « Modifier » that fixes it. */
export interface RowError {
  id: string;
  message: string;
}

/** The error of the row standing for an answer's path (`guardian.address`, `additionalInfo`), if any. */
export type RowErrorOf = (field: string) => RowError | undefined;

/** One row of steps 2 and 4's answers: `field` is the answer's path, none for what is not the parent's (the courses). */
export interface AnswerRow {
  field?: string;
  label: string;
  value: Value;
}

/** The sections of the answers, titled as their steps are (the recap, the receipt). */
export const SECTION_TITLES = {
  coordinates: 'recap.section.coordinates',
  authorisations: 'stepper.title.2',
  documents: 'stepper.title.3',
  courses: 'courses.heading',
  changes: 'coordinates.changes.title',
} as const satisfies Record<string, MessageId>;

export type Section = keyof typeof SECTION_TITLES;

/** One section of the answers, named by its heading (`id`); `edit` sits beside the heading (the recap's « Modifier »). */
export function answersSection(id: string, key: Section, body: unknown, o: { part?: string; edit?: TemplateResult } = {}): TemplateResult {
  const heading = html`<h3 id=${id}>${t(SECTION_TITLES[key])}</h3>`;
  return html`<section class="section" part=${ifDefined(o.part)} aria-labelledby=${id}>
    ${o.edit ? html`<div class="section-head">${heading} ${o.edit}</div>` : heading} ${body}
  </section>`;
}

/** One answer; an empty one reads « Non renseigné »; a refused one says why above its value, as a field would. */
export function answerRow(label: string, value: Value, error?: RowError): TemplateResult {
  const empty = value === null || value === undefined || value === '';
  return html`<div class="row ${error ? 'row--error' : ''}">
    <dt>${label}</dt>
    <dd>
      ${error ? errorTemplate({ id: error.id, error: error.message }) : nothing}${empty ? html`<span class="not-provided">${t('common.notProvided')}</span>` : value}
    </dd>
  </div>`;
}

const rowsList = (rows: readonly AnswerRow[], errorOf?: RowErrorOf): TemplateResult =>
  html`<dl>${rows.map((r) => answerRow(r.label, r.value, r.field === undefined ? undefined : errorOf?.(r.field)))}</dl>`;

function group({ heading, rows }: RecapGroup, errorOf?: RowErrorOf): TemplateResult {
  return html`
    <h4>${t(heading)}</h4>
    <dl>
      ${rows.map(({ field, label, lines }) =>
        answerRow(t(label), lines.length ? html`${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}` : null, errorOf?.(field)),
      )}
    </dl>
  `;
}

/** Responsable, Élève, Mode de règlement: each a sub-heading and its rows, from step 1's field table. */
export const coordinatesAnswers = (answers: RegistrationAnswers, campaign: Campaign, errorOf?: RowErrorOf): TemplateResult =>
  html`${coordinatesRecap(answers, campaign).map((g) => group(g, errorOf))}`;

export function authorisationsRows(answers: RegistrationAnswers): AnswerRow[] {
  const a = answers.authorisations;
  const answer = (v: 'oui' | 'non' | null) => v && yesNo(v === 'oui');
  return [
    { field: 'authorisations.image', label: t('authorisations.image.legend'), value: answer(a.image) },
    { field: 'authorisations.sortie', label: t('authorisations.sortie.legend'), value: answer(a.sortie) },
  ];
}

export const authorisationsAnswers = (answers: RegistrationAnswers, errorOf?: RowErrorOf): TemplateResult => rowsList(authorisationsRows(answers), errorOf);

/** The courses (the conservatory's, not an answer), then what step 4 asked where it asked it. */
export function coursesRows(registration: Registration | undefined, answers: RegistrationAnswers): AnswerRow[] {
  const courses = registration?.courses ?? [];
  const applies = registration?.administrativeReregistrationApplies ?? false;
  const rows: AnswerRow[] = [
    {
      label: t('stepper.title.4'),
      value: courses.length
        ? html`<ul class="plain">
            ${courses.map((c) => html`<li>${t('recap.course', { cursus: c.cursus, teacher: c.teacher })}</li>`)}
          </ul>`
        : t('recap.noCourse'),
    },
  ];
  if (applies)
    rows.push({ field: 'administrativeReregistration', label: t('courses.administrative.label'), value: yesNo(answers.administrativeReregistration) });
  if (applies && answers.administrativeReregistration) {
    rows.push(
      { field: 'administrativeDetails.instrument', label: t('recap.field.instrument'), value: answers.administrativeDetails?.instrument },
      { field: 'administrativeDetails.day', label: t('recap.field.day'), value: answers.administrativeDetails?.day },
    );
  }
  rows.push({
    field: 'additionalInfo',
    label: t('courses.additionalInfo.label'),
    value: answers.additionalInfo.trim() ? html`<span class="free-text">${answers.additionalInfo}</span>` : null,
  });
  return rows;
}

export const coursesAnswers = (registration: Registration | undefined, answers: RegistrationAnswers, errorOf?: RowErrorOf): TemplateResult =>
  rowsList(coursesRows(registration, answers), errorOf);

/** A change's « before » or « after », written like the rest of the answers when it is a phone or a date. */
const changeValue = (value: string): string => {
  if (/^\+[1-9]\d{6,14}$/.test(value)) return formatPhone(value, { foreign: 'stored' });
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
};

/** « Éléments modifiés »: each change, before and now. */
export function changesAnswers(changes: readonly FieldChange[]): TemplateResult {
  return changes.length
    ? html`<dl>
        ${changes.map((c) =>
          answerRow(
            c.label,
            html`<span class="change">${t('recap.changes.before')}${c.before ? changeValue(c.before) : t('common.notProvided')}</span>
              <span class="change">${t('recap.changes.after')}${c.after ? changeValue(c.after) : t('common.notProvided')}</span>`,
          ),
        )}
      </dl>`
    : html`<p>${t('recap.changes.none')}</p>`;
}

/** The pieces sent, by type and file name. */
export function providedAnswers(provided: readonly ProvidedDocument[]): TemplateResult {
  return html`
    <h4>${t('recap.documents.provided')}</h4>
    ${provided.length ? html`<dl>${provided.map((d) => answerRow(d.label, d.fileName))}</dl>` : html`<p>${t('recap.documents.noneProvided')}</p>`}
  `;
}

/** The pieces still missing, each saying whether it is the family's or the student's. */
export function missingAnswers(missing: readonly MissingDocument[]): TemplateResult {
  return html`
    <h4>${t('recap.documents.missing')}</h4>
    <ul>
      ${missing.map((d) => html`<li>${t('recap.documents.scoped', { label: d.label, scope: t(`recap.documents.scope.${d.scope}`) })}</li>`)}
    </ul>
  `;
}
