import { chunkLoader } from '../assets-url.js';

export type StepsModule = typeof import('./steps.js');

/**
 * The steps chunk's content-hashed file name, for the assets-url fallback. The build puts the real
 * name in place of this placeholder before hashing (vite.config.ts, plugin `hashed-names`), so the
 * name counts in the main module's own hash: a cached old main file never names another release's
 * chunk. Run from src/ (tests, dev server) it stays a placeholder, and that fallback fails like any
 * missing file.
 */
export const STEPS_CHUNK = '__RW_STEPS_CHUNK__';

/** Loads the step elements (beside the main module, else under the host's assets-url) and defines them from the chunk's exports. */
export const loadSteps: (assetsUrl?: string) => Promise<StepsModule> = chunkLoader(
  () => import('./steps.js'),
  STEPS_CHUNK,
  (steps) => steps.defineSteps(),
);
