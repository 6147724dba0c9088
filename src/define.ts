import type { ReactiveElement } from 'lit';
import { LocaleController } from './i18n/locale-controller.js';

const isLit = (ctor: CustomElementConstructor): ctor is CustomElementConstructor & typeof ReactiveElement => 'addInitializer' in ctor;

/**
 * Defines a custom element unless that tag already exists: the script may be included twice on a
 * WordPress page (by two plugins, or by the theme and a plugin), and a second define would throw.
 * Each element also follows the language (LocaleController), so none can be left in French.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  if (isLit(ctor)) ctor.addInitializer((el) => void new LocaleController(el));
  customElements.define(tag, ctor);
}
