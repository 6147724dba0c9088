import { ApiError } from '../api/errors.js';
import { chunkLoader } from '../assets-url.js';

export type AppModule = typeof import('./app.js');

/** The app chunk's content-hashed file name, for the assets-url fallback (as STEPS_CHUNK in load-steps.ts). */
export const APP_CHUNK = '__RW_APP_CHUNK__';

const load = chunkLoader(() => import('./app.js'), APP_CHUNK);

/**
 * Loads what the widget does after the login (the lost-password screen, the family home, the
 * journey: app.ts) and defines its elements from the chunk's exports. The wizard starts it as soon
 * as its login is painted, so it is usually there before the parent has typed the password.
 */
export function loadApp(assetsUrl?: string): Promise<AppModule> {
  return load(assetsUrl).then(
    (app) => {
      app.defineApp();
      return app;
    },
    () => {
      // Shown as « connexion impossible » with a retry: the chunk is fetched over the network.
      throw new ApiError('network');
    },
  );
}
