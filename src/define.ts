/**
 * Defines a custom element unless that tag already exists: the script may be included twice on a
 * WordPress page (by two plugins, or by the theme and a plugin), and a second define would throw.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
