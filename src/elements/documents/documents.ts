import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { clientFor, type ApiClient } from '../../api/client.js';
import type { Campaign, DocumentType, Family, Registration, RegistrationAnswers, UploadedDocument } from '../../api/contract.js';
import { ApiError } from '../../api/errors.js';
import type { SessionStore } from '../../api/session-store.js';
import { uploadDocument, type UploadProgress } from '../../api/upload.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { compressImage } from '../../files/compress.js';
import { requiredDocuments, unneededDocuments, type DocumentAnswers } from '../../files/required.js';
import { compressed, prepareFile, refusals, type Decision, type Refusal } from '../../files/prepare-file.js';
import { formatProgress, formatSize } from '../../files/size.js';
import { isAdultForSchoolYear } from '../../format/age.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t, type MessageId } from '../../i18n/index.js';
import { apiErrorAlert, apiErrorMessage } from '../../ui/api-error.js';
import { baseStyles } from '../../ui/styles.js';
import '../login/login.js';
import { documentsStyles } from './documents.styles.js';
import '../../i18n/fr/steps-catalogue.js';
import { valid, type StepElement, type StepResult } from '../../wizard/step-contract.js';

/*
 * Decisions written down:
 * - Two real buttons per piece click hidden inputs: speech-control users cannot activate a bare
 *   file input, and one input with `capture` would stop a parent from picking an existing PDF.
 * - Every file is checked here, the moment it is chosen or dropped (`accept` is only a hint):
 *   size, emptiness, and the real type from its first bytes.
 * - « Consulter » opens the window synchronously in the click, then points it at the short-lived
 *   URL once the API gives it: a window.open after an await is blocked by popup blockers. The new
 *   window's opener is cut before it leaves about:blank, so the document cannot reach the town's page.
 * - The documents list is controlled by the wizard, but the element also applies its own changes
 *   at once (as a native input does with its value), so it works standalone without a listener.
 */

/** A file ready to send: the chosen one, or its reduced copy. Kept for « Réessayer ». */
interface Prepared {
  file: Blob;
  fileName: string;
  /** « Photo réduite de 5,3 Mo à 1,4 Mo. » */
  note?: string;
}

type Task =
  | { kind: 'checking' | 'compressing'; fileName: string; size: number; controller: AbortController }
  | { kind: 'uploading'; fileName: string; loaded: number; total: number; controller: AbortController; note?: string }
  | { kind: 'deleting'; fileName: string };

type Problem = { kind: 'text'; text: string } | { kind: 'heic'; fileName: string };

/** What a row shows besides its piece's state; lives only in this element. */
interface RowStatus {
  task?: Task;
  problem?: Problem;
  retry?: Prepared;
  note?: string;
  confirming?: UploadedDocument;
  /** The document's link, shown when the browser blocked the new window. */
  link?: { url: string; fileName: string };
}

type RowState = 'provided' | 'missing' | 'optional' | 'unneeded';

interface Row {
  type: DocumentType;
  state: RowState;
  doc?: UploadedDocument;
}

type Columns = Record<'name' | 'file' | 'date' | 'time' | 'size' | 'state' | 'actions', string>;

interface View {
  campaign: Campaign;
  registration: Registration;
  answers: DocumentAnswers;
  adult: boolean;
  studentId: string;
  standalone: boolean;
}

const text = (value: string): Problem => ({ kind: 'text', text: value });

/** A catalogue message built elsewhere (prepare-file.ts), in the page's words. */
const say = (message: { id: MessageId; params?: unknown }): string => (t as (id: MessageId, params?: unknown) => string)(message.id, message.params);

/** The HEIC refusal comes with its list of instructions; the others are one sentence. */
const problemOf = (refusal: Refusal): Problem =>
  refusal.id === 'documents.error.heic.intro' ? { kind: 'heic', fileName: refusal.params.name } : text(say(refusal));

/** Only web addresses may be opened: a `javascript:` URL would run in a window of our origin. */
function httpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Step 3 « Documents »: the pieces the conservatory asks for, for the family and for the student,
 * with upload from a file or the camera, drag and drop, automatic reduction of heavy photos,
 * progress, cancel, retry, viewing and deletion.
 *
 * Inside the wizard it receives everything as properties. On its own
 * (`<reinscription-documents api-url="…" student-id="…">`) it shows the login when there is no
 * session, then loads the campaign, the family and the student's registration itself.
 *
 * @summary The documents step: required pieces per family and per student, and their uploads.
 *
 * @fires reinscription-documents-change - After each successful upload or deletion; `detail: { documents }` is the new list (family and student pieces).
 *
 * @csspart heading - The step's heading.
 * @csspart table - Each of the two tables (family, student).
 * @csspart alert - Loading errors.
 * @csspart contact - The contact e-mail line inside an alert.
 *
 * @cssprop --rw-font-size - Base font size (default 16px).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-primary - Buttons, links, progress bars and the drop outline.
 * @cssprop --rw-color-primary-text - Text on primary buttons.
 * @cssprop --rw-color-error - Refusals and failed uploads.
 * @cssprop --rw-color-success - « Fourni ».
 * @cssprop --rw-color-border - Table rules and card borders.
 * @cssprop --rw-color-surface - Background of notices and of a row while a file is dragged over it.
 * @cssprop --rw-color-background - Background of secondary buttons.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-space - Base spacing.
 * @cssprop --rw-focus-ring - Focus outline.
 */
export class ReinscriptionDocuments extends LitElement implements StepElement {
  static override styles = [baseStyles, documentsStyles];

  /** Set by the wizard; standalone, the element uses the shared client of `api-url`. */
  @property({ attribute: false }) client: ApiClient | undefined;
  @property({ attribute: 'api-url' }) apiUrl: string | undefined;
  /** Where the built assets are served (the compression worker), when not beside the main module. */
  @property({ attribute: 'assets-url' }) assetsUrl: string | undefined;
  @property({ attribute: false }) campaign: Campaign | undefined;
  @property({ attribute: false }) registration: Registration | undefined;
  @property({ attribute: false }) answers: RegistrationAnswers | undefined;
  /** 18 or more on 1 September of the school year. */
  @property({ type: Boolean }) adult = false;
  @property({ attribute: 'student-id' }) studentId = '';
  /** The family's pieces (studentId null, shared by its students) and this student's. */
  @property({ attribute: false }) documents: UploadedDocument[] = [];
  /**
   * « Prendre une photo »: 'auto' shows it on touch devices (phones and tablets have a camera;
   * on a desktop `capture` is ignored and the button would only repeat « Choisir un fichier »).
   */
  @property() photo: 'auto' | 'always' | 'never' = 'auto';

  @state() private statuses: Record<string, RowStatus> = {};
  @state() private dropTarget: string | undefined;
  @state() private announcement = { id: 0, text: '' };
  @state() private loaded: { campaign: Campaign; family: Family; registration: Registration } | undefined;
  @state() private loadError: unknown = undefined;
  @state() private loading = false;

  readonly #inflight = new Set<Promise<unknown>>();
  #session: SessionStore | undefined;
  /** The row that held focus before a render, to put focus back in it if its button disappeared. */
  #focusRow: string | undefined;
  #focusConfirm: string | undefined;

  constructor() {
    super();
    // A file dropped beside a row would make the browser open it in place of the page, losing
    // what the parent typed: outside the rows, dropping does nothing.
    this.addEventListener('dragover', (event) => {
      if (event.defaultPrevented || !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'none';
    });
    this.addEventListener('drop', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
  }

  /** Whether an upload, a reduction or a deletion is running. */
  get busy(): boolean {
    return this.#inflight.size > 0;
  }

  /** Resolves once nothing is running any more (uploads started meanwhile included). */
  async whenIdle(): Promise<void> {
    while (this.#inflight.size) await Promise.allSettled([...this.#inflight]);
  }

  /** Nothing to check: every piece can still be sent later (the recap lists what is missing). */
  async validate(): Promise<StepResult> {
    return valid();
  }

  /** Focuses the heading: the wizard calls this when it shows the step. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2.heading')?.focus();
  }

  private get activeClient(): ApiClient | undefined {
    return this.client ?? (this.apiUrl ? clientFor(this.apiUrl) : undefined);
  }

  private get standalone(): boolean {
    return !this.campaign || !this.registration;
  }

  private get view(): View | undefined {
    const { campaign, registration } = this;
    if (campaign && registration) {
      const answers = this.answers ?? registration.draft?.answers;
      if (!answers) return undefined;
      return { campaign, registration, answers, adult: this.adult, studentId: this.studentId || registration.studentId, standalone: false };
    }
    if (!this.loaded) return undefined;
    const { family } = this.loaded;
    return {
      campaign: this.loaded.campaign,
      registration: this.loaded.registration,
      // Standalone, the family's saved answers decide: step 1 saves them to the family.
      answers: { paymentMode: family.paymentMode, bankChanged: family.bankChanged, guardian: family.guardian },
      adult: isAdultForSchoolYear(this.loaded.registration.student.birthDate, this.loaded.campaign.schoolYear),
      studentId: this.loaded.registration.studentId,
      standalone: true,
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watchSession(undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (the wizard re-shows the step): listen to the session again.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.activeClient;
    this.#watchSession(this.isConnected && this.standalone ? client?.session : undefined);
    if (changed.has('studentId') || changed.has('apiUrl') || changed.has('client')) {
      this.loaded = undefined;
      this.loadError = undefined;
    }
    if (this.standalone && client?.session.token && !this.loaded && !this.loading && this.loadError === undefined) void this.#load(client);
    const active = this.shadowRoot?.activeElement;
    this.#focusRow = active instanceof HTMLElement ? (active.closest<HTMLElement>('tr[data-type]')?.dataset.type ?? undefined) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const root = this.shadowRoot;
    if (!root) return;
    if (this.#focusConfirm) {
      root.querySelector<HTMLElement>(`tr[data-type="${CSS.escape(this.#focusConfirm)}"] .confirm-question`)?.focus();
      this.#focusConfirm = undefined;
    } else if (this.#focusRow && !root.activeElement) {
      // The focused button was replaced (e.g. « Choisir un fichier » by « Annuler l'envoi »): focus
      // goes to the row's first button rather than falling back to the top of the page; if the
      // row itself went (a piece no longer asked for, deleted), to the step's heading.
      const row = root.querySelector<HTMLElement>(`tr[data-type="${CSS.escape(this.#focusRow)}"]`);
      (row?.querySelector<HTMLElement>('.confirm-question, button') ?? root.querySelector<HTMLElement>('h2.heading'))?.focus();
    }
    this.#focusRow = undefined;
  }

  #watchSession(store: SessionStore | undefined): void {
    if (store === this.#session) return;
    this.#session?.removeEventListener('change', this.#onSessionChange);
    this.#session = store;
    store?.addEventListener('change', this.#onSessionChange);
  }

  #onSessionChange = (): void => {
    if (!this.#session?.token) this.loaded = undefined;
    this.loadError = undefined;
    this.requestUpdate();
  };

  async #load(client: ApiClient): Promise<void> {
    if (!this.studentId) {
      this.loadError = new Error('no-student');
      return;
    }
    this.loading = true;
    try {
      const [campaign, family, registration] = await Promise.all([client.campaign(), client.family(), client.registration(this.studentId)]);
      this.loaded = { campaign, family, registration };
      this.documents = registration.documents;
    } catch (error) {
      // An expired session shows the login again; anything else is explained.
      if (error instanceof ApiError && error.kind === 'unauthorized') client.session.clear();
      else this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult {
    const client = this.activeClient;
    if (this.standalone && client && !client.session.token) {
      return html`<reinscription-login .client=${client}></reinscription-login>${this.renderLiveRegion()}`;
    }
    if (this.loadError !== undefined) {
      if (this.loadError instanceof Error && this.loadError.message === 'no-student') {
        return html`<div class="notice notice--error" role="alert" part="alert"><p>${t('documents.error.noStudent')}</p></div>`;
      }
      return apiErrorAlert(this.loadError, this.loaded?.campaign.contactEmail);
    }
    const view = this.view;
    if (!view) return html`<p role="status">${t('common.loading')}</p>`;

    const { campaign } = view;
    const required = requiredDocuments(campaign, view.answers, view.registration, { adult: view.adult, documents: this.documents });
    const extra = unneededDocuments(campaign, required, view.studentId, this.documents);
    const rows: Row[] = [
      ...required.map((r): Row => ({ type: r.type, state: r.state, doc: r.uploaded[0] })),
      ...extra.map((e): Row => ({ type: e.type, state: 'unneeded', doc: e.uploaded[0] })),
    ];
    const until = { date: parisDate(campaign.documentsUntil), time: parisTime(campaign.documentsUntil) };
    const closed = Date.parse(campaign.serverNow) > Date.parse(campaign.documentsUntil);
    const student = view.registration.student;
    const name = [student.firstName, student.lastName].filter(Boolean).join(' ');
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

    return html`
      <h2 class="heading" part="heading" tabindex="-1">${t('documents.heading')}</h2>
      ${
        closed
          ? html`<div class="notice notice--error" role="alert" part="alert"><p>${t('documents.closed', until)}</p></div>`
          : html`
              <p>${t('documents.intro')}</p>
              <p>${t('documents.until', until)}</p>
            `
      }
      <p>${t('documents.list')}</p>
      <p><strong>${t('documents.incomplete')}</strong></p>
      ${view.standalone || closed ? nothing : html`<p>${t('documents.canContinue')}</p>`}
      <div class="notice">
        <p>${t('documents.limits', { max: formatSize(campaign.documents.maxBytes), extensions: campaign.documents.acceptedExtensions.join(', ') })}</p>
        ${closed ? nothing : html`<p>${t('documents.photoHint')}</p>`} ${closed || coarse ? nothing : html`<p>${t('documents.dropHint')}</p>`}
      </div>
      ${this.renderTable(
        'family',
        rows.filter((r) => r.type.scope === 'family'),
        t('documents.family.caption'),
        t('documents.family.shared'),
        t('documents.family.none'),
        view,
        closed,
      )}
      ${this.renderTable(
        'student',
        rows.filter((r) => r.type.scope === 'student'),
        name ? t('documents.student.captionNamed', { name }) : t('documents.student.caption'),
        undefined,
        t('documents.student.none'),
        view,
        closed,
      )}
      ${this.renderLiveRegion()}
    `;
  }

  /** Polite, and in the same shadow root as the buttons, so screen readers hear it. */
  private renderLiveRegion(): TemplateResult {
    const a = this.announcement;
    // A new node per message: the same words twice in a row (two files of one name) are read twice.
    return html`<div class="visually-hidden" role="status" aria-live="polite">${keyed(a.id, html`<p>${a.text}</p>`)}</div>`;
  }

  private renderTable(scope: 'family' | 'student', rows: Row[], caption: string, note: string | undefined, none: string, view: View, closed: boolean) {
    const headId = `pieces-${scope}`;
    if (!rows.length) {
      return html`<section class="pieces" aria-labelledby=${headId}>
        <h3 id=${headId}>${caption}</h3>
        <p>${none}</p>
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
      <h3 id=${headId}>${caption}</h3>
      ${note ? html`<p class="hint" id=${noteId}>${note}</p>` : nothing}
      <table role="table" part="table" aria-describedby=${ifDefined(note ? noteId : undefined)}>
        <caption class="visually-hidden">
          ${caption}
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
            (r) => this.renderRow(r, columns, view, closed),
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderRow(row: Row, columns: Columns, view: View, closed: boolean): TemplateResult {
    const code = row.type.code;
    const status = this.statuses[code] ?? {};
    const task = status.task;
    const doc = task && task.kind !== 'deleting' ? undefined : row.doc;
    const fileName = task?.fileName ?? doc?.fileName;
    const droppable = !closed && this.accepts(row, status);
    const empty = html`<span aria-hidden="true">-</span>`;
    return html`
      <tr
        role="row"
        data-type=${code}
        class=${classMap({ 'row--drop': this.dropTarget === code })}
        @dragenter=${(e: DragEvent) => droppable && this.onDragOver(e, code)}
        @dragover=${(e: DragEvent) => droppable && this.onDragOver(e, code)}
        @dragleave=${(e: DragEvent) => this.onDragLeave(e, code)}
        @drop=${(e: DragEvent) => droppable && this.onDrop(e, row.type)}
      >
        <th role="rowheader" scope="row">${row.type.label}</th>
        <td role="cell" class="cell--file" data-label=${columns.file}>
          ${fileName ?? html`<span class="visually-hidden">${t('documents.noFile')}</span>${empty}`}
        </td>
        <td role="cell" class="nowrap ${doc ? '' : 'cell--empty'}" data-label=${columns.date}>${doc ? parisDate(doc.uploadedAt) : empty}</td>
        <td role="cell" class="nowrap ${doc ? '' : 'cell--empty'}" data-label=${columns.time}>${doc ? parisTime(doc.uploadedAt) : empty}</td>
        <td role="cell" class="nowrap ${doc ? '' : 'cell--empty'}" data-label=${columns.size}>${doc ? formatSize(doc.size) : empty}</td>
        <td role="cell" data-label=${columns.state}>${this.renderState(row, status)}</td>
        <td role="cell" class="cell--actions">${this.renderActions(row, status, view, closed)}</td>
      </tr>
    `;
  }

  private renderState(row: Row, status: RowStatus): TemplateResult {
    const task = status.task;
    if (task?.kind === 'checking') return html`<p>${t('documents.state.checking')}</p>`;
    if (task?.kind === 'compressing') return html`<p>${t('documents.state.compressing', { size: formatSize(task.size) })}</p>`;
    if (task?.kind === 'uploading') {
      return html`
        <progress max=${task.total} .value=${task.loaded} aria-label=${t('documents.progressLabel', { name: task.fileName })}></progress>
        <p>${t('documents.state.uploading', formatProgress(task.loaded, task.total))}</p>
        ${task.note ? html`<p class="hint">${task.note}</p>` : nothing}
      `;
    }
    if (task?.kind === 'deleting') return html`<p>${t('documents.state.deleting')}</p>`;

    const state = {
      provided: html`<p class="state--provided">${t('documents.state.provided')}</p>`,
      missing: html`<p class="state--missing">${t('documents.state.missing')}</p>`,
      optional: html`<p>${t('documents.state.optional')}</p>
        ${row.type.consequence ? html`<p class="hint">${row.type.consequence}</p>` : nothing}`,
      unneeded: html`<p>${t('documents.state.unneeded')}</p>`,
    }[row.state];
    return html`
      ${state} ${status.note && row.doc ? html`<p class="hint">${status.note}</p>` : nothing} ${status.problem ? this.renderProblem(status.problem) : nothing}
      ${
        status.link
          ? html`<p>
              ${t('documents.popupBlocked')}
              <a href=${status.link.url} target="_blank" rel="noopener noreferrer"
                >${t('documents.openLink', { name: status.link.fileName })} ${t('common.newWindow')}</a
              >
            </p>`
          : nothing
      }
    `;
  }

  private renderProblem(problem: Problem): TemplateResult {
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

  private renderActions(row: Row, status: RowStatus, view: View, closed: boolean): TemplateResult | typeof nothing {
    const code = row.type.code;
    const label = row.type.label;
    const named = (action: string) => html`${action}<span class="visually-hidden">${t('documents.forPiece', { label })}</span>`;
    const task = status.task;

    if (status.confirming) {
      const doc = status.confirming;
      const questionId = `confirm-${code}`;
      return html`<div class="row-actions">
        <p class="confirm-question" id=${questionId} tabindex="-1">${t('documents.delete.question', { name: doc.fileName })}</p>
        <button type="button" class="button" aria-describedby=${questionId} @click=${() => this.onConfirmDelete(code, doc)}>
          ${t('documents.delete.confirm')}
        </button>
        <button type="button" class="button button--secondary" aria-describedby=${questionId} @click=${() => this.onCancelDelete(code)}>
          ${t('documents.delete.cancel')}
        </button>
      </div>`;
    }
    if (task?.kind === 'deleting') return nothing;
    if (task) {
      return html`<div class="row-actions">
        <button type="button" class="button button--secondary" @click=${() => task.controller.abort()}>${named(t('documents.cancelUpload'))}</button>
      </div>`;
    }
    if (row.doc) {
      const doc = row.doc;
      return html`<div class="row-actions">
        <button type="button" class="button button--secondary" @click=${() => this.onView(code, doc)}>${named(t('documents.view'))}</button>
        ${
          closed
            ? nothing
            : html`<button type="button" class="button button--secondary" @click=${() => this.onAskDelete(code, doc)}>${named(t('documents.delete'))}</button>`
        }
      </div>`;
    }
    if (closed) return nothing;
    const { acceptedExtensions, acceptedTypes } = view.campaign.documents;
    const accept = [...acceptedExtensions, ...acceptedTypes].join(',');
    const camera = this.photo === 'always' || (this.photo === 'auto' && typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches);
    const retry = status.retry;
    return html`<div class="row-actions">
      ${retry ? html`<button type="button" class="button" @click=${() => this.onRetry(row.type, retry)}>${named(t('documents.retry'))}</button>` : nothing}
      <button type="button" class=${retry ? 'button button--secondary' : 'button'} @click=${(e: Event) => this.openPicker(e, 'file')}>
        ${named(t('documents.choose'))}
      </button>
      <input type="file" hidden data-role="file" accept=${accept} @change=${(e: Event) => this.onPicked(e, row.type)} />
      ${
        camera
          ? html`<button type="button" class="button button--secondary" @click=${(e: Event) => this.openPicker(e, 'camera')}>
                ${named(t('documents.photo'))}
              </button>
              <input type="file" hidden data-role="camera" accept="image/*" capture="environment" @change=${(e: Event) => this.onPicked(e, row.type)} />`
          : nothing
      }
    </div>`;
  }

  // ------------------------------------------------------------------ row state

  private setStatus(code: string, status: RowStatus): void {
    this.statuses = { ...this.statuses, [code]: status };
  }

  private accepts(row: Row, status: RowStatus): boolean {
    return !row.doc && !status.task && !status.confirming;
  }

  private announce(message: string): void {
    this.announcement = { id: this.announcement.id + 1, text: message };
  }

  private fireChange(): void {
    emit(this, 'reinscription-documents-change', { documents: this.documents });
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inflight.add(work);
    const done = () => this.#inflight.delete(work);
    work.then(done, done);
    return work;
  }

  // ------------------------------------------------------------------ choosing and dropping

  private openPicker(event: Event, role: 'file' | 'camera'): void {
    const actions = (event.currentTarget as HTMLElement).closest('.row-actions');
    actions?.querySelector<HTMLInputElement>(`input[data-role="${role}"]`)?.click();
  }

  private onPicked(event: Event, type: DocumentType): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires `change` again.
    input.value = '';
    if (file) void this.acceptFile(type, file);
  }

  private onDragOver(event: DragEvent, code: string): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dropTarget = code;
  }

  private onDragLeave(event: DragEvent, code: string): void {
    const row = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && row.contains(event.relatedTarget)) return;
    if (this.dropTarget === code) this.dropTarget = undefined;
  }

  private onDrop(event: DragEvent, type: DocumentType): void {
    event.preventDefault();
    this.dropTarget = undefined;
    const files = event.dataTransfer?.files;
    if (!files?.length) return;
    if (files.length > 1) {
      this.setStatus(type.code, { problem: text(t('documents.error.severalFiles')) });
      return;
    }
    const [file] = files;
    if (file) void this.acceptFile(type, file);
  }

  /** Checks, reduces if needed, and sends one file for one piece. */
  private acceptFile(type: DocumentType, file: File): Promise<void> {
    const controller = new AbortController();
    this.setStatus(type.code, { task: { kind: 'checking', fileName: file.name, size: file.size, controller } });
    return this.#track(this.#prepare(type, file, controller).then((prepared) => (prepared ? this.#upload(type, prepared, controller) : undefined)));
  }

  async #prepare(type: DocumentType, file: File, controller: AbortController): Promise<Prepared | null> {
    const view = this.view;
    if (!view) return null;
    const limits = view.campaign.documents;
    const code = type.code;
    const settle = (decision: Decision): Prepared | null => {
      if (decision.kind === 'accept') return { file: decision.file, fileName: decision.file.name, note: decision.note && say(decision.note) };
      if (decision.kind === 'refuse') this.setStatus(code, { problem: problemOf(decision.refusal) });
      else {
        this.setStatus(code, {});
        this.announce(t('documents.announce.cancelled', { name: file.name }));
      }
      return null;
    };

    const decision = await prepareFile(file, limits, { signal: controller.signal });
    if (decision.kind !== 'compress') return settle(decision);
    this.setStatus(code, { task: { kind: 'compressing', fileName: file.name, size: file.size, controller } });
    let result;
    try {
      result = await compressImage(file, { maxBytes: limits.maxBytes, assetsUrl: this.assetsUrl, signal: controller.signal });
    } catch {
      return settle(controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'refuse', refusal: refusals.decode() });
    }
    return settle(controller.signal.aborted ? { kind: 'cancelled' } : compressed(file, result, limits));
  }

  async #upload(type: DocumentType, prepared: Prepared, controller: AbortController): Promise<void> {
    const client = this.activeClient;
    const view = this.view;
    if (!client || !view) return;
    const code = type.code;
    const task = { kind: 'uploading' as const, fileName: prepared.fileName, loaded: 0, total: prepared.file.size, controller, note: prepared.note };
    this.setStatus(code, { task });
    const onProgress = (p: UploadProgress) => {
      const current = this.statuses[code]?.task;
      if (current?.kind === 'uploading' && current.controller === controller) this.setStatus(code, { task: { ...current, loaded: p.loaded, total: p.total } });
    };
    try {
      const doc = await uploadDocument(client, {
        fields: type.scope === 'student' ? { typeCode: code, studentId: view.studentId } : { typeCode: code },
        file: prepared.file,
        fileName: prepared.fileName,
        signal: controller.signal,
        onProgress,
      });
      // Read now, not before the upload: another row may have changed the list meanwhile.
      this.documents = [...this.documents, doc];
      this.setStatus(code, { note: prepared.note });
      this.announce(t('documents.announce.added', { name: doc.fileName, size: formatSize(doc.size) }));
      this.fireChange();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') {
        this.setStatus(code, {});
        this.announce(t('documents.announce.cancelled', { name: prepared.fileName }));
        return;
      }
      this.setStatus(code, this.#uploadFailure(error, prepared, view));
      if (view.standalone && error instanceof ApiError && error.kind === 'unauthorized') client.session.clear();
    }
  }

  /** The server's own refusals of the content say why, like ours; other failures can be retried. */
  #uploadFailure(error: unknown, prepared: Prepared, view: View): RowStatus {
    const maxBytes = view.campaign.documents.maxBytes;
    if (error instanceof ApiError) {
      if (error.kind === 'too-large') return { problem: problemOf(refusals.tooLarge(prepared.file.size, { maxBytes })) };
      if (error.details.code === 'unsupported-type') return { problem: problemOf(refusals.type(prepared.fileName)) };
      if (error.details.code === 'empty-file') return { problem: problemOf(refusals.empty(prepared.fileName)) };
    }
    const message = `${t('documents.error.uploadFailed', { name: prepared.fileName })} ${apiErrorMessage(error)}`;
    const final = error instanceof ApiError && (error.kind === 'campaign-closed' || error.kind === 'forbidden');
    return { problem: text(message), retry: final ? undefined : prepared, note: prepared.note };
  }

  private onRetry(type: DocumentType, prepared: Prepared): void {
    void this.#track(this.#upload(type, prepared, new AbortController()));
  }

  // ------------------------------------------------------------------ viewing and deleting

  private onView(code: string, doc: UploadedDocument): void {
    const client = this.activeClient;
    if (!client) return;
    // Opened now, inside the click, or popup blockers refuse it; pointed at the file below.
    const win = window.open('', '_blank');
    if (win) win.opener = null;
    const { note } = this.statuses[code] ?? {};
    client
      .documentLink(doc.id)
      .then((link) => {
        const url = httpUrl(link.url);
        if (!url) throw new ApiError('contract', { code: 'link-scheme' });
        if (win && !win.closed) win.location.href = url;
        else this.setStatus(code, { note, link: { url, fileName: doc.fileName } });
      })
      .catch((error: unknown) => {
        win?.close();
        this.setStatus(code, { note, problem: text(`${t('documents.error.viewFailed', { name: doc.fileName })} ${apiErrorMessage(error)}`) });
      });
  }

  private onAskDelete(code: string, doc: UploadedDocument): void {
    this.setStatus(code, { ...this.statuses[code], confirming: doc, problem: undefined, link: undefined });
    this.#focusConfirm = code;
  }

  private onCancelDelete(code: string): void {
    this.setStatus(code, { ...this.statuses[code], confirming: undefined });
  }

  private onConfirmDelete(code: string, doc: UploadedDocument): void {
    const client = this.activeClient;
    if (!client) return;
    this.setStatus(code, { task: { kind: 'deleting', fileName: doc.fileName } });
    void this.#track(
      client.deleteDocument(doc.id).then(
        () => this.#deleted(code, doc),
        (error: unknown) => {
          // Already gone (deleted from another device): the list catches up, nothing to explain.
          if (error instanceof ApiError && error.kind === 'not-found') this.#deleted(code, doc);
          else this.setStatus(code, { problem: text(`${t('documents.error.deleteFailed', { name: doc.fileName })} ${apiErrorMessage(error)}`) });
        },
      ),
    );
  }

  #deleted(code: string, doc: UploadedDocument): void {
    this.documents = this.documents.filter((d) => d.id !== doc.id);
    this.setStatus(code, {});
    this.announce(t('documents.announce.deleted', { name: doc.fileName }));
    this.fireChange();
  }
}

define('reinscription-documents', ReinscriptionDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-documents': ReinscriptionDocuments;
  }
}
