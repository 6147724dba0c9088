import { ErrorBody, loginRoute } from './contract-session.js';
import { loginContractArrived } from './login-contract-slot.js';
import { loginErrors } from '../schemas/login.js';

/**
 * What the login needs of zod: the checks of its form, its request and answer, the error body.
 * Not in the main module: rendering the login needs none of it, so it arrives just after the
 * login is painted (load-login-contract.ts), and « Se connecter » waits for it only if the parent
 * is quicker than the network. The app chunk imports it too, so it is fetched once.
 */
export { ErrorBody, loginErrors, loginRoute };

loginContractArrived({ ErrorBody, loginErrors, loginRoute });
