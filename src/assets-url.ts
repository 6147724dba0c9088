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
 * name (a placeholder the build fills in: vite.config.ts, `hashed-names`). A failed load is
 * forgotten, so the next call tries again.
 */
export function chunkLoader<T>(beside: () => Promise<T>, file: string): (assetsUrl?: string) => Promise<T> {
  let loading: Promise<T> | undefined;
  return (assetsUrl) => {
    loading ??= beside().catch((error: unknown) => {
      if (!assetsUrl) throw error;
      return import(/* @vite-ignore */ assetUrl(file, assetsUrl).href) as Promise<T>;
    });
    return loading.catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  };
}
