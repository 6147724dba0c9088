import * as c from './contract.js';
import { loginRoute } from './login-contract.js';
import type { Route } from './route.js';

export { fillPath, type Route } from './route.js';

/**
 * Every endpoint once: method, path, schemas, whether it needs the bearer token.
 * The client, the MSW handlers and the OpenAPI generator all read this table.
 */
export const routes = {
  login: loginRoute,
  extendSession: { method: 'POST', path: '/session/extend', summary: 'Extend the session (RGAA 13.1)', auth: true, response: c.Session, status: 200 },
  logout: { method: 'DELETE', path: '/session', summary: 'Log out; revokes the token', auth: true, status: 204 },
  passwordReset: {
    method: 'POST',
    path: '/password-reset',
    summary: 'Send a new password by e-mail (same answer whether or not the account exists)',
    auth: false,
    request: c.PasswordResetRequest,
    response: c.PasswordResetResponse,
    status: 202,
  },
  campaign: {
    method: 'GET',
    path: '/campaign',
    summary: 'The re-registration campaign: dates, texts, lists, rules',
    auth: false,
    response: c.Campaign,
    status: 200,
  },
  family: {
    method: 'GET',
    path: '/family',
    summary: 'The logged-in family: guardian, payment mode, students and their status',
    auth: true,
    response: c.Family,
    status: 200,
  },
  updateFamily: {
    method: 'PUT',
    path: '/family',
    summary: "Save the guardian's details and the payment mode (shared by the family's students)",
    auth: true,
    request: c.FamilyUpdate,
    response: c.Family,
    status: 200,
  },
  registration: {
    method: 'GET',
    path: '/students/{studentId}/registration',
    summary: "A student's re-registration: prefilled data, courses, documents, draft",
    auth: true,
    response: c.Registration,
    status: 200,
  },
  saveDraft: {
    method: 'PUT',
    path: '/students/{studentId}/draft',
    summary: 'Save the answers so far',
    auth: true,
    request: c.DraftRequest,
    response: c.DraftSaved,
    status: 200,
  },
  submit: {
    method: 'POST',
    path: '/students/{studentId}/submission',
    summary: 'Send the re-registration (Idempotency-Key header required)',
    auth: true,
    request: c.SubmissionRequest,
    response: c.Submission,
    status: 201,
    idempotent: true,
  },
  decline: {
    method: 'POST',
    path: '/students/{studentId}/decline',
    summary: '« Je ne souhaite pas réinscrire », with an optional reason',
    auth: true,
    request: c.DeclineRequest,
    response: c.DeclineResponse,
    status: 200,
  },
  upload: {
    method: 'POST',
    path: '/documents',
    summary: 'Upload one piece (multipart: file, typeCode, studentId for student pieces)',
    auth: true,
    request: c.UploadFields,
    response: c.UploadedDocument,
    status: 201,
    multipart: true,
  },
  deleteDocument: { method: 'DELETE', path: '/documents/{documentId}', summary: 'Delete an uploaded piece', auth: true, status: 204 },
  documentLink: {
    method: 'GET',
    path: '/documents/{documentId}/link',
    summary: 'A short-lived URL to view an uploaded piece without the bearer token',
    auth: true,
    response: c.DocumentLink,
    status: 200,
  },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;
