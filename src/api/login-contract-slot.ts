import type { loginErrors } from '../schemas/login.js';
import type { ErrorBody, loginRoute } from './contract-session.js';

/** What the login needs of zod (login-contract.ts): its form's checks, its route, the error body. */
export interface LoginContract {
  ErrorBody: typeof ErrorBody;
  loginRoute: typeof loginRoute;
  loginErrors: typeof loginErrors;
}

let arrived: LoginContract | undefined;

/** Called by login-contract.ts as it runs, however it was loaded (by the login, or by the app chunk, which imports it). */
export function loginContractArrived(contract: LoginContract): void {
  arrived = contract;
}

/** The login's schemas if they are already here: then the checks run in the click's own task. */
export const loginContractNow = (): LoginContract | undefined => arrived;
