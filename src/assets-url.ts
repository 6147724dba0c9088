/**
 * A built file under the host's `assets-url` (the folder the plugin serves dist/ from), resolved
 * against the page like an attribute's URL: « /wp-content/plugins/x/dist » works without its
 * trailing slash or its origin.
 */
export function assetUrl(file: string, assetsUrl: string): URL {
  const folder = new URL(assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`, document.baseURI);
  return new URL(file, folder);
}
