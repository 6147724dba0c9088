import { ApiError } from './api/errors.js';

/**
 * A built file under the host's `assets-url` (the folder the plugin serves dist/ from), resolved
 * against the page like an attribute's URL: « /wp-content/plugins/x/dist » works without its
 * trailing slash or its origin.
 */
export function assetUrl(file: string, assetsUrl: string): URL {
  const folder = new URL(assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`, document.baseURI);
  return new URL(file, folder);
}

/**
 * A loader of one of the build's chunks: `beside` imports it next to the main module; when that
 * fails (an optimisation plugin moved or concatenated the main file, so the relative URL is wrong)
 * and the host gives its assets-url, the chunk is imported from there under `file`, its hashed
 * name (a placeholder the build fills in: vite.config.ts, `hashed-names`). `ready` runs on the
 * module each time it is handed out (defining elements is idempotent). A failed load is forgotten,
 * so the next call tries again, and is an ApiError('network'): the chunk came over the network,
 * and the screens say « connexion impossible » with « Réessayer ».
 */
export function chunkLoader<T>(beside: () => Promise<T>, file: string, ready?: (module: T) => void): (assetsUrl?: string) => Promise<T> {
  let loading: Promise<T> | undefined;
  return (assetsUrl) => {
    loading ??= beside().catch((error: unknown) => {
      if (!assetsUrl) throw error;
      return import(/* @vite-ignore */ assetUrl(file, assetsUrl).href) as Promise<T>;
    });
    return loading.then(
      (module) => {
        ready?.(module);
        return module;
      },
      () => {
        loading = undefined;
        throw new ApiError('network');
      },
    );
  };
}
