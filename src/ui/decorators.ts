import type { PropertyDeclaration, ReactiveElement } from 'lit';

/**
 * Lit's `@property()` and `@state()` for the decorators this project compiles (TypeScript's
 * experimentalDecorators, on class fields only). lit/decorators.js also carries the standard
 * decorators' path, which the build cannot drop and which doubles its size in the login path
 * (`npm run size`). This is Lit's own legacy path (decorators/property.js, `legacyProperty`):
 * the class declares the reactive property; nothing else.
 */
export const property =
  (options?: PropertyDeclaration) =>
  (proto: object, name: PropertyKey): void => {
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);
  };

/** An internal reactive property: no attribute (Lit's `@state()`). */
export const state = (options?: Pick<PropertyDeclaration, 'hasChanged'>) => property({ ...options, state: true, attribute: false });
