import { chunkLoader } from '../assets-url.js';

export type AppModule = typeof import('./app.js');

/** The app chunk's content-hashed file name, for the assets-url fallback (as STEPS_CHUNK in load-steps.ts). */
export const APP_CHUNK = '__RW_APP_CHUNK__';

/**
 * Loads what the widget does after the login (the lost-password screen, the family home, the
 * journey: app.ts) and defines its elements from the chunk's exports. The wizard starts it as soon
 * as its login is painted, so it is usually there before the parent has typed the password.
 */
export const loadApp: (assetsUrl?: string) => Promise<AppModule> = chunkLoader(
  () => import('./app.js'),
  APP_CHUNK,
  (app) => app.defineApp(),
);
