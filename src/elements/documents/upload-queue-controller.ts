import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { DocumentType, UploadedDocument } from '../../api/contract.js';
import { ApiError } from '../../api/errors.js';
import { uploadDocument, type UploadProgress } from '../../api/upload.js';
import { compressImage } from '../../files/compress.js';
import { compressed, prepareFile, refusals, type Decision, type FileLimits, type Refusal } from '../../files/prepare-file.js';
import { formatSize } from '../../files/size.js';
import { t, type MessageId } from '../../i18n/index.js';
import { apiErrorMessage } from '../../ui/api-error.js';

/** What a row says went wrong: one sentence, or the HEIC refusal with its list of instructions. */
export type Problem = { kind: 'text'; text: string } | { kind: 'heic'; fileName: string };

/** A file ready to send: the chosen one, or its reduced copy. Kept for « Réessayer ». */
export interface Prepared {
  file: Blob;
  fileName: string;
  /** « Photo réduite de 5,3 Mo à 1,4 Mo. » */
  note?: string;
}

/** The document's link, shown when the browser blocked the new window. */
export interface BlockedLink {
  url: string;
  fileName: string;
}

/** What one row is doing, besides its piece's state (provided, missing…) which the documents list decides. */
export type RowActivity =
  | { status: 'idle'; note?: string; problem?: Problem; link?: BlockedLink }
  | { status: 'checking' | 'compressing'; fileName: string; size: number; abort: AbortController }
  | { status: 'uploading'; fileName: string; loaded: number; total: number; abort: AbortController; note?: string }
  | { status: 'deleting'; fileName: string }
  /** « Supprimer x.pdf ? » is asked in the row. */
  | { status: 'confirming'; doc: UploadedDocument; note?: string }
  /** Could not be sent for a reason that may pass (network, server): « Réessayer » sends `retry` again. */
  | { status: 'failed'; problem: Problem; retry: Prepared; note?: string };

export type RowStatus = RowActivity['status'];

/** What the queue needs to know of the step, read at each operation (the wizard may change it). */
export interface QueueContext {
  limits: FileLimits;
  studentId: string;
  /** On its own page, a refused session (401) sends the parent back to the login. */
  standalone: boolean;
  assetsUrl: string | undefined;
}

export interface UploadQueueOptions {
  client: () => ApiClient | undefined;
  context: () => QueueContext | undefined;
  /** The current list: read when an upload or deletion ends, as another row may have changed it meanwhile. */
  documents: () => UploadedDocument[];
  /** The list after an upload or a deletion. */
  changed: (documents: UploadedDocument[]) => void;
  /** For the polite live region. */
  announce: (message: string) => void;
}

const IDLE: RowActivity = { status: 'idle' };
const text = (value: string): Problem => ({ kind: 'text', text: value });

/** A catalogue message built elsewhere (prepare-file.ts), in the page's words. */
const say = (message: { id: MessageId; params?: unknown }): string => (t as (id: MessageId, params?: unknown) => string)(message.id, message.params);

const problemOf = (refusal: Refusal): Problem =>
  refusal.id === 'documents.error.heic.intro' ? { kind: 'heic', fileName: refusal.params.name } : text(say(refusal));

const noteOf = (activity: RowActivity | undefined): string | undefined => (activity && 'note' in activity ? activity.note : undefined);

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
 * The documents step's work per row: check, reduce and send a file, cancel, retry, view, delete.
 * Rows work in parallel; `busy` and `whenIdle()` let the wizard wait for all of them before
 * moving on. Each row has one explicit status, so a template never guesses from optional fields.
 */
export class UploadQueueController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: UploadQueueOptions;
  readonly #inflight = new Set<Promise<unknown>>();
  #rows: Record<string, RowActivity> = {};

  constructor(host: ReactiveControllerHost, options: UploadQueueOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Uploads go on while the step is hidden: the wizard waits for them (`whenIdle`) or shows them again. */
  hostDisconnected(): void {}

  /** Whether an upload, a reduction or a deletion is running. */
  get busy(): boolean {
    return this.#inflight.size > 0;
  }

  /** Resolves once nothing is running any more (uploads started meanwhile included). */
  async whenIdle(): Promise<void> {
    while (this.#inflight.size) await Promise.allSettled([...this.#inflight]);
  }

  activity(code: string): RowActivity {
    return this.#rows[code] ?? IDLE;
  }

  /** Checks, reduces if needed, and sends one file for one piece. */
  add(type: DocumentType, file: File): Promise<void> {
    const abort = new AbortController();
    this.#set(type.code, { status: 'checking', fileName: file.name, size: file.size, abort });
    return this.#track(this.#prepare(type, file, abort).then((prepared) => (prepared ? this.#upload(type, prepared, abort) : undefined)));
  }

  /** A refusal decided by the element (several files dropped at once). */
  refuse(code: string, message: string): void {
    this.#set(code, { status: 'idle', problem: text(message) });
  }

  /** « Annuler l'envoi »: stops the check, the reduction or the upload. */
  cancel(code: string): void {
    const activity = this.activity(code);
    if (activity.status === 'checking' || activity.status === 'compressing' || activity.status === 'uploading') activity.abort.abort();
  }

  retry(type: DocumentType): void {
    const activity = this.activity(type.code);
    if (activity.status === 'failed') void this.#track(this.#upload(type, activity.retry, new AbortController()));
  }

  async #prepare(type: DocumentType, file: File, abort: AbortController): Promise<Prepared | null> {
    const context = this.#options.context();
    if (!context) return null;
    const { limits } = context;
    const code = type.code;
    const settle = (decision: Decision): Prepared | null => {
      if (decision.kind === 'accept') return { file: decision.file, fileName: decision.file.name, note: decision.note && say(decision.note) };
      if (decision.kind === 'refuse') this.#set(code, { status: 'idle', problem: problemOf(decision.refusal) });
      else {
        this.#set(code, IDLE);
        this.#options.announce(t('documents.announce.cancelled', { name: file.name }));
      }
      return null;
    };

    const decision = await prepareFile(file, limits, { signal: abort.signal });
    if (decision.kind !== 'compress') return settle(decision);
    this.#set(code, { status: 'compressing', fileName: file.name, size: file.size, abort });
    let result;
    try {
      result = await compressImage(file, { maxBytes: limits.maxBytes, assetsUrl: context.assetsUrl, signal: abort.signal });
    } catch {
      return settle(abort.signal.aborted ? { kind: 'cancelled' } : { kind: 'refuse', refusal: refusals.decode() });
    }
    return settle(abort.signal.aborted ? { kind: 'cancelled' } : compressed(file, result, limits));
  }

  async #upload(type: DocumentType, prepared: Prepared, abort: AbortController): Promise<void> {
    const client = this.#options.client();
    const context = this.#options.context();
    if (!client || !context) return;
    const code = type.code;
    this.#set(code, { status: 'uploading', fileName: prepared.fileName, loaded: 0, total: prepared.file.size, abort, note: prepared.note });
    const onProgress = (p: UploadProgress) => {
      const current = this.activity(code);
      if (current.status === 'uploading' && current.abort === abort) this.#set(code, { ...current, loaded: p.loaded, total: p.total });
    };
    try {
      const doc = await uploadDocument(client, {
        fields: type.scope === 'student' ? { typeCode: code, studentId: context.studentId } : { typeCode: code },
        file: prepared.file,
        fileName: prepared.fileName,
        signal: abort.signal,
        onProgress,
      });
      this.#set(code, { status: 'idle', note: prepared.note });
      this.#options.announce(t('documents.announce.added', { name: doc.fileName, size: formatSize(doc.size) }));
      // Read now, not before the upload: another row may have changed the list meanwhile.
      this.#options.changed([...this.#options.documents(), doc]);
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') {
        this.#set(code, IDLE);
        this.#options.announce(t('documents.announce.cancelled', { name: prepared.fileName }));
        return;
      }
      this.#set(code, this.#uploadFailure(error, prepared, context.limits));
      if (context.standalone && error instanceof ApiError && error.kind === 'unauthorized') client.session.clear();
    }
  }

  /** The server's own refusals of the content say why, like ours; other failures can be retried. */
  #uploadFailure(error: unknown, prepared: Prepared, limits: FileLimits): RowActivity {
    if (error instanceof ApiError) {
      // Over the campaign's limit: said with both sizes. Under it, the server (or a proxy before it)
      // has a smaller limit of its own: its refusal is said as such, never « 62 octets ; la limite est de 2 Mo ».
      if (error.kind === 'too-large' && prepared.file.size > limits.maxBytes)
        return { status: 'idle', problem: problemOf(refusals.tooLarge(prepared.file.size, limits)) };
      if (error.details.code === 'unsupported-type') return { status: 'idle', problem: problemOf(refusals.type(prepared.fileName)) };
      if (error.details.code === 'empty-file') return { status: 'idle', problem: problemOf(refusals.empty(prepared.fileName)) };
    }
    const problem = text(`${t('documents.error.uploadFailed', { name: prepared.fileName })} ${apiErrorMessage(error)}`);
    const final = error instanceof ApiError && (error.kind === 'campaign-closed' || error.kind === 'forbidden' || error.kind === 'too-large');
    return final ? { status: 'idle', problem, note: prepared.note } : { status: 'failed', problem, retry: prepared, note: prepared.note };
  }

  // ------------------------------------------------------------------ viewing and deleting

  /** « Consulter »: call it inside the click (see the element's decisions). */
  view(code: string, doc: UploadedDocument): void {
    const client = this.#options.client();
    if (!client) return;
    // Opened now, inside the click, or popup blockers refuse it; pointed at the file below.
    const win = window.open('', '_blank');
    if (win) win.opener = null;
    const note = noteOf(this.#rows[code]);
    client
      .documentLink(doc.id)
      .then((link) => {
        const url = httpUrl(link.url);
        if (!url) throw new ApiError('contract', { code: 'link-scheme' });
        if (win && !win.closed) win.location.href = url;
        else this.#set(code, { status: 'idle', note, link: { url, fileName: doc.fileName } });
      })
      .catch((error: unknown) => {
        win?.close();
        this.#set(code, { status: 'idle', note, problem: text(`${t('documents.error.viewFailed', { name: doc.fileName })} ${apiErrorMessage(error)}`) });
      });
  }

  /** Asking clears the row's last problem or link; the note about a reduced photo stays. */
  askDelete(code: string, doc: UploadedDocument): void {
    this.#set(code, { status: 'confirming', doc, note: noteOf(this.#rows[code]) });
  }

  cancelDelete(code: string): void {
    this.#set(code, { status: 'idle', note: noteOf(this.#rows[code]) });
  }

  confirmDelete(code: string, doc: UploadedDocument): void {
    const client = this.#options.client();
    if (!client) return;
    this.#set(code, { status: 'deleting', fileName: doc.fileName });
    void this.#track(
      client.deleteDocument(doc.id).then(
        () => this.#deleted(code, doc),
        (error: unknown) => {
          // Already gone (deleted from another device): the list catches up, nothing to explain.
          if (error instanceof ApiError && error.kind === 'not-found') this.#deleted(code, doc);
          else this.#set(code, { status: 'idle', problem: text(`${t('documents.error.deleteFailed', { name: doc.fileName })} ${apiErrorMessage(error)}`) });
        },
      ),
    );
  }

  #deleted(code: string, doc: UploadedDocument): void {
    this.#set(code, IDLE);
    this.#options.announce(t('documents.announce.deleted', { name: doc.fileName }));
    this.#options.changed(this.#options.documents().filter((d) => d.id !== doc.id));
  }

  #set(code: string, activity: RowActivity): void {
    this.#rows = { ...this.#rows, [code]: activity };
    this.#host.requestUpdate();
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inflight.add(work);
    const done = () => this.#inflight.delete(work);
    work.then(done, done);
    return work;
  }
}
