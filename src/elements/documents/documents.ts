import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientFor, type ApiClient } from '../../api/client.js';
import type { Campaign, DocumentType, Family, Registration, RegistrationAnswers, UploadedDocument } from '../../api/contract.js';
import { ApiError } from '../../api/errors.js';
import type { SessionStore } from '../../api/session-store.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { requiredDocuments, unneededDocuments, type DocumentAnswers } from '../../files/required.js';
import { formatSize } from '../../files/size.js';
import { isAdultForSchoolYear } from '../../format/age.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t } from '../../i18n/index.js';
import { apiErrorAlert } from '../../ui/api-error.js';
import { baseStyles } from '../../ui/styles.js';
import '../login/login.js';
import { documentsStyles } from './documents.styles.js';
import { liveRegion, piecesTable, type Row, type RowHandlers, type TableContext } from './documents.templates.js';
import { UploadQueueController } from './upload-queue-controller.js';
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

interface View {
  campaign: Campaign;
  registration: Registration;
  answers: DocumentAnswers;
  adult: boolean;
  studentId: string;
  standalone: boolean;
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

  @state() private dropTarget: string | undefined;
  @state() private announcement = { id: 0, text: '' };
  @state() private loaded: { campaign: Campaign; family: Family; registration: Registration } | undefined;
  @state() private loadError: unknown = undefined;
  @state() private loading = false;

  readonly #queue = new UploadQueueController(this, {
    client: () => this.activeClient,
    context: () => {
      const view = this.view;
      return view && { limits: view.campaign.documents, studentId: view.studentId, standalone: view.standalone, assetsUrl: this.assetsUrl };
    },
    documents: () => this.documents,
    changed: (documents) => {
      // Applied at once, as a native input does with its value: standalone, nobody else would.
      this.documents = documents;
      emit(this, 'reinscription-documents-change', { documents });
    },
    announce: (message) => this.announce(message),
  });
  #session: SessionStore | undefined;
  /** The row that held focus before a render, to put focus back in it if its button disappeared. */
  #focusRow: string | undefined;
  #focusConfirm: string | undefined;

  readonly #handlers: RowHandlers = {
    openPicker: (event, role) => this.openPicker(event, role),
    picked: (event, type) => this.onPicked(event, type),
    dragOver: (event, code) => this.onDragOver(event, code),
    dragLeave: (event, code) => this.onDragLeave(event, code),
    drop: (event, type) => this.onDrop(event, type),
    cancel: (code) => this.#queue.cancel(code),
    retry: (type) => this.#queue.retry(type),
    view: (code, doc) => this.#queue.view(code, doc),
    askDelete: (code, doc) => {
      this.#queue.askDelete(code, doc);
      this.#focusConfirm = code;
    },
    confirmDelete: (code, doc) => this.#queue.confirmDelete(code, doc),
    cancelDelete: (code) => this.#queue.cancelDelete(code),
  };

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
    return this.#queue.busy;
  }

  /** Resolves once nothing is running any more (uploads started meanwhile included). */
  whenIdle(): Promise<void> {
    return this.#queue.whenIdle();
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
      return html`<reinscription-login .client=${client}></reinscription-login>${liveRegion(this.announcement)}`;
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
    const { acceptedExtensions, acceptedTypes } = campaign.documents;
    const context: TableContext = {
      closed,
      accept: [...acceptedExtensions, ...acceptedTypes].join(','),
      camera: this.photo === 'always' || (this.photo === 'auto' && coarse),
      dropTarget: this.dropTarget,
      activity: (code) => this.#queue.activity(code),
      on: this.#handlers,
    };

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
      ${piecesTable(
        'family',
        rows.filter((r) => r.type.scope === 'family'),
        { caption: t('documents.family.caption'), note: t('documents.family.shared'), none: t('documents.family.none') },
        context,
      )}
      ${piecesTable(
        'student',
        rows.filter((r) => r.type.scope === 'student'),
        { caption: name ? t('documents.student.captionNamed', { name }) : t('documents.student.caption'), none: t('documents.student.none') },
        context,
      )}
      ${liveRegion(this.announcement)}
    `;
  }

  // ------------------------------------------------------------------ row state

  private announce(message: string): void {
    this.announcement = { id: this.announcement.id + 1, text: message };
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
    if (file) void this.#queue.add(type, file);
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
      this.#queue.refuse(type.code, t('documents.error.severalFiles'));
      return;
    }
    const [file] = files;
    if (file) void this.#queue.add(type, file);
  }
}

define('reinscription-documents', ReinscriptionDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'reinscription-documents': ReinscriptionDocuments;
  }
}
