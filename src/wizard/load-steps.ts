import { ApiError } from '../api/errors.js';
import { assetUrl } from '../assets-url.js';

export type StepsModule = typeof import('./steps.js');

/**
 * The steps chunk's content-hashed file name, for the assets-url fallback. The build puts the real
 * name in place of this placeholder before hashing (vite.config.ts, plugin `hashed-names`), so the
 * name counts in the main module's own hash: a cached old main file never names another release's
 * chunk. Run from src/ (tests, dev server) it stays a placeholder, and that fallback fails like any
 * missing file.
 */
export const STEPS_CHUNK = '__RW_STEPS_CHUNK__';

let loading: Promise<StepsModule> | undefined;

/**
 * Loads the step elements beside the main module and defines them from the chunk's exports.
 * WordPress optimisation plugins may move or concatenate the main file, so its relative import can
 * fail: then try the host's assets-url, under the chunk's hashed name.
 */
export function loadSteps(assetsUrl?: string): Promise<StepsModule> {
  loading ??= import('./steps.js')
    .catch((error: unknown) => {
      if (!assetsUrl) throw error;
      return import(/* @vite-ignore */ assetUrl(STEPS_CHUNK, assetsUrl).href) as Promise<StepsModule>;
    })
    .then((steps) => {
      steps.defineSteps();
      return steps;
    });
  return loading.catch(() => {
    loading = undefined;
    // Shown as « connexion impossible » with a retry: the chunk is fetched over the network.
    throw new ApiError('network');
  });
}
