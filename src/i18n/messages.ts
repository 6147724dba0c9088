/**
 * Where the French strings live at run time: the first screens' from the start, the steps' once
 * their chunk is loaded (wizard/steps.ts calls `addMessages`). Untyped on purpose: the typed view
 * is index.ts's, and a catalogue module that registers itself imports only this file, so no
 * catalogue imports index.ts (which imports their types): no import cycle.
 */
export type Message = string | ((params: never) => string);

export const french: Record<string, Message> = {};

export function addMessages(messages: Record<string, Message>): void {
  Object.assign(french, messages);
}

/** Whether an id is in the French catalogue as loaded so far (index.ts types it as a MessageId guard). */
export function isKnownMessage(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(french, id);
}
