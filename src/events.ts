import type { RegistrationAnswers, UploadedDocument } from './api/contract.js';
import type { CoordinatesForm } from './schemas/coordinates.js';

/**
 * What a step changed. Authorisations are patched one answer at a time, so two quick answers can
 * never overwrite each other with a stale copy (see wizard/answers.ts).
 */
export type AnswersPatch = Partial<Omit<RegistrationAnswers, 'authorisations'>> & {
  authorisations?: Partial<RegistrationAnswers['authorisations']>;
};

/**
 * Every event the elements fire bubbles and crosses shadow boundaries (`composed`), so the host
 * page can listen on the wizard for analytics or redirects. Names and details are listed here once.
 */
export interface ReinscriptionEvents {
  /** A parent logged in, with the identifier they used (trimmed). */
  'reinscription-logged-in': { expiresAt: string; identifier: string };
  /** « Mot de passe perdu ? » was chosen; carries the identifier typed so far. */
  'reinscription-forgot-password': { identifier: string };
  /** Back from the password reset to the login, with the identifier typed there. */
  'reinscription-back-to-login': { identifier: string };
  /** « Je souhaite réinscrire » for a student. */
  'reinscription-reregister': { studentId: string };
  /** « Ajouter des pièces manquantes » for a student whose file was sent incomplete. */
  'reinscription-add-documents': { studentId: string };
  /** A student was declined (« Je ne souhaite pas réinscrire ») and the server confirmed it. */
  'reinscription-declined': { studentId: string };
  /** The wizard moved to a step (1–6) of a student's re-registration. */
  'reinscription-step-change': { studentId: string; step: number };
  /** A re-registration was sent and the server confirmed it. */
  'reinscription-submitted': { studentId: string; reference: string };
  /** A step changed some answers (internal: the wizard merges the patch). */
  'reinscription-answers-change': { patch: AnswersPatch };
  /** « J'accepte » was checked or unchecked in the recap (internal). */
  'reinscription-accept-change': { accepted: boolean };
  /** Step 1: anything typed or chosen; `form` is the whole form as typed (raw strings), which the wizard keeps. */
  'reinscription-form-change': { form: CoordinatesForm };
  /** Step 3: after each successful upload or deletion; `documents` is the new list (family and student pieces). */
  'reinscription-documents-change': { documents: UploadedDocument[] };
  /** « Modifier » in the recap: open that step, then come back to the recap (internal). */
  'reinscription-recap-edit': { step: 1 | 2 | 3 | 4 };
  /** « Déconnexion » was chosen. */
  'reinscription-logout': Record<string, never>;
  /** The session ended: logout or expiry. */
  'reinscription-session-end': { reason: 'logout' | 'expired' };
}

export type ReinscriptionEventName = keyof ReinscriptionEvents;

export function emit<N extends ReinscriptionEventName>(host: EventTarget, name: N, detail: ReinscriptionEvents[N]): boolean {
  return host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reinscription-logged-in': CustomEvent<ReinscriptionEvents['reinscription-logged-in']>;
    'reinscription-forgot-password': CustomEvent<ReinscriptionEvents['reinscription-forgot-password']>;
    'reinscription-back-to-login': CustomEvent<ReinscriptionEvents['reinscription-back-to-login']>;
    'reinscription-reregister': CustomEvent<ReinscriptionEvents['reinscription-reregister']>;
    'reinscription-add-documents': CustomEvent<ReinscriptionEvents['reinscription-add-documents']>;
    'reinscription-declined': CustomEvent<ReinscriptionEvents['reinscription-declined']>;
    'reinscription-step-change': CustomEvent<ReinscriptionEvents['reinscription-step-change']>;
    'reinscription-submitted': CustomEvent<ReinscriptionEvents['reinscription-submitted']>;
    'reinscription-answers-change': CustomEvent<ReinscriptionEvents['reinscription-answers-change']>;
    'reinscription-accept-change': CustomEvent<ReinscriptionEvents['reinscription-accept-change']>;
    'reinscription-form-change': CustomEvent<ReinscriptionEvents['reinscription-form-change']>;
    'reinscription-documents-change': CustomEvent<ReinscriptionEvents['reinscription-documents-change']>;
    'reinscription-recap-edit': CustomEvent<ReinscriptionEvents['reinscription-recap-edit']>;
    'reinscription-logout': CustomEvent<ReinscriptionEvents['reinscription-logout']>;
    'reinscription-session-end': CustomEvent<ReinscriptionEvents['reinscription-session-end']>;
  }
}
