import { html, nothing, type TemplateResult } from 'lit';
import { frenchIn } from '../../api/localise.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DocumentType, UploadedDocument } from '../../api/contract.js';
import { formatProgress, formatSize } from '../../files/size.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t } from '../../i18n/index.js';
import type { Problem, RowActivity } from './upload-queue-controller.js';

/**
 * The two tables of the documents step (family, student): pure functions of what they show and
 * of the element's handlers. Everything renders into the element's one shadow root, so the live
 * region, the buttons and the `aria-describedby` targets can reach each other.
 */

/** 'shared': a family piece provided before this page (for a brother or sister, or earlier): it counts for this student too. */
export type RowState = 'provided' | 'shared' | 'missing' | 'optional' | 'unneeded';

export interface Row {
  type: DocumentType;
  state: RowState;
  doc?: UploadedDocument;
}

export interface RowHandlers {
  /** « Choisir un fichier » / « Prendre une photo » click the row's hidden input of that role. */
  openPicker(event: Event, role: 'file' | 'camera'): void;
  picked(event: Event, type: DocumentType): void;
  dragOver(event: DragEvent, code: string): void;
  dragLeave(event: DragEvent, code: string): void;
  drop(event: DragEvent, type: DocumentType): void;
  cancel(code: string): void;
  retry(type: DocumentType): void;
  view(code: string, doc: UploadedDocument): void;
  askDelete(code: string, doc: UploadedDocument): void;
  confirmDelete(code: string, doc: UploadedDocument): void;
  cancelDelete(code: string): void;
}

/** What every row needs besides its own piece. */
export interface TableContext {
  /** The campaign's date for documents has passed: the pieces show, nothing can be added or deleted. */
  closed: boolean;
  /** The file input's `accept` hint (extensions and types). */
  accept: string;
  /** Whether « Prendre une photo » is offered. */
  camera: boolean;
  /** The row a file is being dragged over. */
  dropTarget: string | undefined;
  activity: (code: string) => RowActivity;
  on: RowHandlers;
}

export interface TableText {
  caption: string;
  note?: string;
  /** Shown instead of the table when no piece is asked. */
  none: string;
}

type Columns = Record<'name' | 'file' | 'date' | 'time' | 'size' | 'state' | 'actions', string>;

const sending = (activity: RowActivity) => activity.status === 'checking' || activity.status === 'compressing' || activity.status === 'uploading';

/** Polite, and in the same shadow root as the buttons, so screen readers hear it. */
export function liveRegion(announcement: { id: number; text: string }): TemplateResult {
  // A new node per message: the same words twice in a row (two files of one name) are read twice.
  return html`<div class="visually-hidden" role="status" aria-live="polite">${keyed(announcement.id, html`<p>${announcement.text}</p>`)}</div>`;
}

export function piecesTable(scope: 'family' | 'student', rows: Row[], text: TableText, context: TableContext): TemplateResult {
  const headId = `pieces-${scope}`;
  if (!rows.length) {
    return html`<section class="pieces" aria-labelledby=${headId}>
      <h3 id=${headId}>${text.caption}</h3>
      <p>${text.none}</p>
    </section>`;
  }
  const columns: Columns = {
    name: t('documents.column.name'),
    file: t('documents.column.file'),
    date: t('documents.column.date'),
    time: t('documents.column.time'),
    size: t('documents.column.size'),
    state: t('documents.column.state'),
    actions: t('documents.column.actions'),
  };
  // The heading is outside the table (a heading inside <caption> breaks the table role the
  // narrow layout needs); the caption repeats it as the table's own name.
  // Explicit roles keep the table semantics when the narrow layout sets `display: block`.
  const noteId = `${headId}-note`;
  return html`<section class="pieces">
    <h3 id=${headId}>${text.caption}</h3>
    ${text.note ? html`<p class="hint" id=${noteId}>${text.note}</p>` : nothing}
    <table role="table" part="table" aria-describedby=${ifDefined(text.note ? noteId : undefined)}>
      <caption class="visually-hidden">
        ${text.caption}
      </caption>
      <thead>
        <tr role="row">
          ${Object.entries(columns).map(([key, c]) => html`<th role="columnheader" scope="col" class=${`col--${key}`}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          rows,
          (r) => r.type.code,
          (r) => pieceRow(r, columns, context),
        )}
      </tbody>
    </table>
  </section>`;
}

function pieceRow(row: Row, columns: Columns, context: TableContext): TemplateResult {
  const { on } = context;
  const code = row.type.code;
  const activity = context.activity(code);
  // While a new file is checked or sent, the row shows it rather than the one it replaces.
  const doc = sending(activity) ? undefined : row.doc;
  const fileName = 'fileName' in activity ? activity.fileName : doc?.fileName;
  const droppable = !context.closed && !row.doc && (activity.status === 'idle' || activity.status === 'failed');
  const empty = html`<span aria-hidden="true">-</span>`;
  return html`
    <tr
      role="row"
      data-type=${code}
      class=${classMap({ 'row--drop': context.dropTarget === code })}
      @dragenter=${(e: DragEvent) => droppable && on.dragOver(e, code)}
      @dragover=${(e: DragEvent) => droppable && on.dragOver(e, code)}
      @dragleave=${(e: DragEvent) => on.dragLeave(e, code)}
      @drop=${(e: DragEvent) => droppable && on.drop(e, row.type)}
    >
      <th role="rowheader" scope="row" lang=${ifDefined(frenchIn(row.type, 'label'))}>${row.type.label}</th>
      <td role="cell" class="cell--file" data-label=${columns.file}>
        ${fileName ?? html`<span class="visually-hidden">${t('documents.noFile')}</span>${empty}`}
      </td>
      <td role="cell" class="nowrap ${doc ? '' : 'cell--empty'}" data-label=${columns.date}>${doc ? parisDate(doc.uploadedAt) : empty}</td>
      <td role="cell" class="nowrap ${doc ? '' : 'cell--empty'}" data-label=${columns.time}>${doc ? parisTime(doc.uploadedAt) : empty}</td>
      <td role="cell" class="nowrap ${doc ? '' : 'cell--empty'}" data-label=${columns.size}>${doc ? formatSize(doc.size) : empty}</td>
      <td role="cell" data-label=${columns.state}>${stateCell(row, activity)}</td>
      <td role="cell" class="cell--actions">${actionsCell(row, activity, context)}</td>
    </tr>
  `;
}

function stateCell(row: Row, activity: RowActivity): TemplateResult {
  switch (activity.status) {
    case 'checking':
      return html`<p>${t('documents.state.checking')}</p>`;
    case 'compressing':
      return html`<p>${t('documents.state.compressing', { size: formatSize(activity.size) })}</p>`;
    case 'uploading':
      return html`
        <progress max=${activity.total} .value=${activity.loaded} aria-label=${t('documents.progressLabel', { name: activity.fileName })}></progress>
        <p>${t('documents.state.uploading', formatProgress(activity.loaded, activity.total))}</p>
        ${activity.note ? html`<p class="hint">${activity.note}</p>` : nothing}
      `;
    case 'deleting':
      return html`<p>${t('documents.state.deleting')}</p>`;
    default:
      break;
  }
  const note = activity.note;
  const problem = activity.status === 'confirming' ? undefined : activity.problem;
  const link = activity.status === 'idle' ? activity.link : undefined;
  const state = {
    provided: html`<p class="state--provided">${t('documents.state.provided')}</p>`,
    shared: html`<p class="state--provided">${t('documents.state.shared')}</p>`,
    missing: html`<p class="state--missing">${t('documents.state.missing')}</p>`,
    optional: html`<p>${t('documents.state.optional')}</p>
      ${row.type.consequence ? html`<p class="hint" lang=${ifDefined(frenchIn(row.type, 'consequence'))}>${row.type.consequence}</p>` : nothing}`,
    unneeded: html`<p>${t('documents.state.unneeded')}</p>`,
  }[row.state];
  return html`
    ${state} ${note && row.doc ? html`<p class="hint">${note}</p>` : nothing} ${problem ? problemAlert(problem) : nothing}
    ${
      link
        ? html`<p>
            ${t('documents.popupBlocked')}
            <a href=${link.url} target="_blank" rel="noopener noreferrer">${t('documents.openLink', { name: link.fileName })} ${t('common.newWindow')}</a>
          </p>`
        : nothing
    }
  `;
}

function problemAlert(problem: Problem): TemplateResult {
  const prefix = html`<span class="visually-hidden">${t('common.errorPrefix')}</span>`;
  if (problem.kind === 'text') return html`<div class="row-error" role="alert"><p>${prefix}${problem.text}</p></div>`;
  return html`<div class="row-error" role="alert">
    <p>${prefix}${t('documents.error.heic.intro', { name: problem.fileName })}</p>
    <ul>
      <li>${t('documents.error.heic.camera')}</li>
      <li>${t('documents.error.heic.settings')}</li>
      <li>${t('documents.error.heic.mac')}</li>
    </ul>
  </div>`;
}

function actionsCell(row: Row, activity: RowActivity, context: TableContext): TemplateResult | typeof nothing {
  const { on, closed } = context;
  const code = row.type.code;
  const label = row.type.label;
  const named = (action: string) => html`${action}<span class="visually-hidden">${t('documents.forPiece', { label })}</span>`;

  if (activity.status === 'confirming') {
    const doc = activity.doc;
    const questionId = `confirm-${code}`;
    return html`<div class="row-actions">
      <p class="confirm-question" id=${questionId} tabindex="-1">${t('documents.delete.question', { name: doc.fileName })}</p>
      <button type="button" class="button" aria-describedby=${questionId} @click=${() => on.confirmDelete(code, doc)}>${t('documents.delete.confirm')}</button>
      <button type="button" class="button button--secondary" aria-describedby=${questionId} @click=${() => on.cancelDelete(code)}>${t('common.cancel')}</button>
    </div>`;
  }
  if (activity.status === 'deleting') return nothing;
  if (sending(activity)) {
    return html`<div class="row-actions">
      <button type="button" class="button button--secondary" @click=${() => on.cancel(code)}>${named(t('documents.cancelUpload'))}</button>
    </div>`;
  }
  if (row.doc) {
    const doc = row.doc;
    return html`<div class="row-actions">
      <button type="button" class="button button--secondary" @click=${() => on.view(code, doc)}>${named(t('documents.view'))}</button>
      ${
        closed
          ? nothing
          : html`<button type="button" class="button button--secondary" data-action="delete" @click=${() => on.askDelete(code, doc)}>
              ${named(t('documents.delete'))}
            </button>`
      }
    </div>`;
  }
  if (closed) return nothing;
  const retry = activity.status === 'failed';
  return html`<div class="row-actions">
    ${retry ? html`<button type="button" class="button" @click=${() => on.retry(row.type)}>${named(t('common.retry'))}</button>` : nothing}
    <button type="button" class=${retry ? 'button button--secondary' : 'button'} @click=${(e: Event) => on.openPicker(e, 'file')}>
      ${named(t('documents.choose'))}
    </button>
    <input type="file" hidden data-role="file" accept=${context.accept} @change=${(e: Event) => on.picked(e, row.type)} />
    ${
      context.camera
        ? html`<button type="button" class="button button--secondary" @click=${(e: Event) => on.openPicker(e, 'camera')}>${named(t('documents.photo'))}</button>
            <input type="file" hidden data-role="camera" accept="image/*" capture="environment" @change=${(e: Event) => on.picked(e, row.type)} />`
        : nothing
    }
  </div>`;
}
