import { ApiError } from '../api/errors.js';

export type StepsModule = typeof import('./steps.js');

/** The file name the build gives the steps chunk (vite.config.ts), for the assets-url fallback. */
export const STEPS_CHUNK = 'reinscription-wizard-steps.js';

let loading: Promise<StepsModule> | undefined;

/**
 * Loads the step elements beside the main module. WordPress optimisation plugins may move or
 * concatenate the main file, so its relative import can fail: then try the host's assets-url.
 */
export function loadSteps(assetsUrl?: string): Promise<StepsModule> {
  loading ??= import('./steps.js').catch((error: unknown) => {
    if (!assetsUrl) throw error;
    const url = new URL(STEPS_CHUNK, assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`).href;
    return import(/* @vite-ignore */ url) as Promise<StepsModule>;
  });
  return loading.catch(() => {
    loading = undefined;
    // Shown as « connexion impossible » with a retry: the chunk is fetched over the network.
    throw new ApiError('network');
  });
}
