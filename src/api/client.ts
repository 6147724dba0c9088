import * as c from './contract.js';
import { perPage } from './per-page.js';
import { routes, type RouteName } from './routes.js';
import { ApiTransport, type CallOptions, type Out } from './transport.js';

export type { ClientOptions } from './transport.js';

/**
 * Typed client of the whole backend contract: every call by name, as the UI reads it. The
 * transport (transport.ts) sends them and validates every answer against routes.ts's schemas.
 */
export class ApiClient extends ApiTransport {
  call<N extends RouteName>(name: N, options: CallOptions = {}): Promise<Out<(typeof routes)[N]>> {
    return this.send(routes[name], options);
  }

  // Named calls, so the UI reads as the contract does.

  async extendSession(): Promise<c.Session> {
    const session = await this.call('extendSession');
    this.session.set(session);
    return session;
  }

  /** Forgets the token locally even when the server cannot be reached. */
  async logout(): Promise<void> {
    try {
      if (this.session.token) await this.call('logout');
    } catch {
      // The token is dropped below anyway; the server lets it expire.
    } finally {
      this.session.clear();
    }
  }

  passwordReset(body: c.PasswordResetRequest) {
    return this.call('passwordReset', { body });
  }
  campaign() {
    return this.call('campaign');
  }
  family() {
    return this.call('family');
  }
  updateFamily(body: c.FamilyUpdate) {
    return this.call('updateFamily', { body });
  }
  registration(studentId: string) {
    return this.call('registration', { params: { studentId } });
  }
  saveDraft(studentId: string, body: c.DraftRequest) {
    return this.call('saveDraft', { params: { studentId }, body });
  }
  submit(studentId: string, body: c.SubmissionRequest, idempotencyKey: string) {
    return this.call('submit', { params: { studentId }, body, headers: { 'Idempotency-Key': idempotencyKey } });
  }
  decline(studentId: string, body: c.DeclineRequest) {
    return this.call('decline', { params: { studentId }, body });
  }
  deleteDocument(documentId: string) {
    return this.call('deleteDocument', { params: { documentId } });
  }
  documentLink(documentId: string) {
    return this.call('documentLink', { params: { documentId } });
  }
}

/** One client per API base URL on the page, so the wizard and a standalone element share the session. */
export const clientFor = perPage((baseUrl) => new ApiClient(baseUrl));

/** The client an element talks through: the one its host gave it, else the page's for its api-url. */
export function clientOf(el: { client?: ApiClient | undefined; apiUrl?: string | undefined }): ApiClient | undefined {
  return el.client ?? (el.apiUrl ? clientFor(el.apiUrl) : undefined);
}
