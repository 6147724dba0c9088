import { chunkLoader } from '../assets-url.js';
import type { LoginContract } from './login-contract-slot.js';

export { loginContractNow, type LoginContract } from './login-contract-slot.js';

/** The hashed name of the chunk that holds login-contract.ts, for the assets-url fallback (vite.config.ts fills it in). */
export const LOGIN_CONTRACT_CHUNK = '__RW_LOGIN_CONTRACT_CHUNK__';

/**
 * The login's schemas (login-contract.ts), loaded once: the wizard's login asks for them as soon
 * as it is painted; the transport and the login's checks then find them there.
 */
export const loadLoginContract: (assetsUrl?: string) => Promise<LoginContract> = chunkLoader(() => import('./login-contract.js'), LOGIN_CONTRACT_CHUNK);
