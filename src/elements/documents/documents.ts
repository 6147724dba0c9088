import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../../ui/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { clientOf, type ApiClient } from '../../api/client.js';
import type { Campaign, DocumentType, Family, Registration, RegistrationAnswers, UploadedDocument } from '../../api/contract.js';
import { ApiError } from '../../api/errors.js';
import { define } from '../../define.js';
import { emit } from '../../events.js';
import { requiredDocuments, unneededDocuments, type DocumentAnswers } from '../../files/required.js';
import { formatSize } from '../../files/size.js';
import { isAdultForSchoolYear } from '../../schemas/age.js';
import { parisDate, parisTime } from '../../format/paris-time.js';
import { t } from '../../i18n/index.js';
import { apiErrorAlert } from '../../ui/api-error.js';
import { variantStyles } from '../../ui/field-variants.styles.js';
import { baseStyles } from '../../ui/styles.js';
import { SessionController } from '../../controllers/session-controller.js';
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

interface Loaded {
  campaign: Campaign;
  family: Family;
  registration: Registration;
}

/** Standalone without `student-id`: the page cannot know whose pieces to show. */
const NO_STUDENT = new Error('no-student');

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
  static override styles = [baseStyles, variantStyles, documentsStyles];

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
  /**
   * 'step': step 3 of the journey (« passer à l'étape suivante »). 'later': the page for adding the
   * pieces still missing from a file already sent, with its own heading and text. Standalone, the
   * element reads as 'later' (there is no next step on its own page).
   */
  @property() mode: 'step' | 'later' = 'step';

  @state() private dropTarget: string | undefined;
  @state() private announcement = { id: 0, text: '' };

  readonly #queue = new UploadQueueController(this, {
    client: () => clientOf(this),
    context: () => {
      const view = this.view;
      return view && { limits: view.campaign.documents, studentId: view.studentId, standalone: view.standalone, assetsUrl: this.assetsUrl };
    },
    documents: () => this.documents,
    changed: (documents) => {
      for (const doc of documents) if (!this.documents.some((d) => d.id === doc.id)) this.#sentHere.add(doc.id);
      // Applied at once, as a native input does with its value: standalone, nobody else would.
      this.documents = documents;
      emit(this, 'reinscription-documents-change', { documents });
    },
    announce: (message) => this.announce(message),
  });
  readonly #session = new SessionController(this, {
    client: () => clientOf(this),
    // A failed load is tried again when the session changes (logged in again, extended).
    onChange: () => {
      if (this.#load.status === TaskStatus.ERROR) void this.#load.run();
    },
  });

  /**
   * Standalone only: the campaign, the family and the student's registration. The token is an
   * argument so that logging in elsewhere on the page (the session store fires `change`) loads,
   * and logging out shows the login again.
   */
  readonly #load = new Task(this, {
    task: async ([client, token, studentId, standalone]): Promise<Loaded | typeof initialState> => {
      if (!standalone || !client || !token) return initialState;
      if (!studentId) throw NO_STUDENT;
      try {
        const [campaign, family, registration] = await Promise.all([client.campaign(), client.family(), client.registration(studentId)]);
        return { campaign, family, registration };
      } catch (error) {
        // An expired session shows the login again; anything else is explained.
        if (!(error instanceof ApiError && error.kind === 'unauthorized')) throw error;
        client.session.clear();
        return initialState;
      }
    },
    args: () => [clientOf(this), clientOf(this)?.session.token ?? null, this.studentId, this.standalone] as const,
    // Here rather than in the task: only the latest run's answer may replace the list.
    onComplete: (loaded) => {
      this.documents = loaded.registration.documents;
    },
  });
  /** Pieces uploaded on this page: the others of the family were provided before (« Déjà fournie pour la famille »). */
  readonly #sentHere = new Set<string>();
  /** The row that held focus before a render, to put focus back in it if its button disappeared. */
  #focusRow: string | undefined;
  #focusConfirm: string | undefined;
  /** The row whose deletion was cancelled: focus goes back to its « Supprimer ». */
  #focusDelete: string | undefined;

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
    cancelDelete: (code) => {
      this.#queue.cancelDelete(code);
      this.#focusDelete = code;
    },
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
    const loaded = this.#loaded;
    if (!loaded) return undefined;
    const { family } = loaded;
    return {
      campaign: loaded.campaign,
      registration: loaded.registration,
      // Standalone, the family's saved answers decide: step 1 saves them to the family.
      answers: { paymentMode: family.paymentMode, bankChanged: family.bankChanged, guardian: family.guardian },
      adult: isAdultForSchoolYear(loaded.registration.student.birthDate, loaded.campaign.schoolYear),
      studentId: loaded.registration.studentId,
      standalone: true,
    };
  }

  /** The last load's answer, while it stands (not during a new load, nor after a logout). */
  get #loaded(): Loaded | undefined {
    return this.#load.status === TaskStatus.COMPLETE ? this.#load.value : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: the session may have changed while the element was out of it.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
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
    } else if (this.#focusDelete) {
      root.querySelector<HTMLElement>(`tr[data-type="${CSS.escape(this.#focusDelete)}"] [data-action="delete"]`)?.focus();
      this.#focusDelete = undefined;
    } else if (this.#focusRow && !root.activeElement) {
      // The focused button was replaced (e.g. « Choisir un fichier » by « Annuler l'envoi »): focus
      // goes to the row's first button rather than falling back to the top of the page; if the
      // row itself went (a piece no longer asked for, deleted), to the step's heading.
      const row = root.querySelector<HTMLElement>(`tr[data-type="${CSS.escape(this.#focusRow)}"]`);
      (row?.querySelector<HTMLElement>('.confirm-question, button') ?? root.querySelector<HTMLElement>('h2.heading'))?.focus();
    }
    this.#focusRow = undefined;
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult {
    const client = clientOf(this);
    if (this.standalone && client && !this.#session.token) {
      return html`<reinscription-login .client=${client}></reinscription-login>${liveRegion(this.announcement)}`;
    }
    if (this.standalone && this.#load.status === TaskStatus.ERROR) {
      const error = this.#load.error;
      if (error === NO_STUDENT) return html`<div class="notice notice--error" role="alert" part="alert"><p>${t('documents.error.noStudent')}</p></div>`;
      return apiErrorAlert(error, undefined);
    }
    const view = this.view;
    if (!view) return html`<p role="status">${t('common.loading')}</p>`;

    const { campaign } = view;
    const required = requiredDocuments(campaign, view.answers, view.registration, { adult: view.adult, documents: this.documents });
    const extra = unneededDocuments(campaign, required, view.studentId, this.documents);
    // A family piece provided before this page counts for this student too (studentId null): say so,
    // so a parent opening a second child's step 3 sees there is nothing to send again.
    const stateOf = (r: (typeof required)[number]): Row['state'] =>
      r.state === 'provided' && r.type.scope === 'family' && r.uploaded.every((d) => !this.#sentHere.has(d.id)) ? 'shared' : r.state;
    const rows: Row[] = [
      ...required.map((r): Row => ({ type: r.type, state: stateOf(r), doc: r.uploaded[0] })),
      ...extra.map((e): Row => ({ type: e.type, state: 'unneeded', doc: e.uploaded[0] })),
    ];
    const until = { date: parisDate(campaign.documentsUntil), time: parisTime(campaign.documentsUntil) };
    const student = view.registration.student;
    const name = [student.firstName, student.lastName].filter(Boolean).join(' ');
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    // Dragging a file needs a mouse or a trackpad: a phone's parent is never told to do it.
    const fine = typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;
    const later = this.mode === 'later' || view.standalone;
    const missing = required.some((r) => r.state === 'missing');
    const { acceptedExtensions, acceptedTypes } = campaign.documents;
    const context: TableContext = {
      closed: Date.parse(campaign.serverNow) > Date.parse(campaign.documentsUntil),
      accept: [...acceptedExtensions, ...acceptedTypes].join(','),
      camera: this.photo === 'always' || (this.photo === 'auto' && coarse),
      dropTarget: this.dropTarget,
      activity: (code) => this.#queue.activity(code),
      on: this.#handlers,
    };
    const closed = context.closed;

    return html`
      <h2 class="heading" part="heading" tabindex="-1">${later && name ? t('documents.addLater.heading', { name }) : t('stepper.title.3')}</h2>
      ${
        closed
          ? html`<div class="notice notice--error" role="alert" part="alert"><p>${t('documents.closed', until)}</p></div>`
          : later
            ? html`
                <p>${view.registration.submission ? t('documents.addLater.intro') : t('documents.intro')}</p>
                ${missing ? html`<p>${t('documents.addLater.until', until)}</p>` : html`<p class="notice notice--success">${t('documents.addLater.done')}</p>`}
              `
            : html`
                <p>${t('documents.intro')}</p>
                <p>${t('documents.later', until)}</p>
              `
      }
      <div class="notice">
        <p>${t('documents.limits', { max: formatSize(campaign.documents.maxBytes), extensions: campaign.documents.acceptedExtensions.join(', ') })}</p>
        ${closed ? nothing : html`<p>${t('documents.photoHint')}</p>`} ${!closed && fine ? html`<p>${t('documents.dropHint')}</p>` : nothing}
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
