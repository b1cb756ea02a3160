import type { ScreenContext } from './screen-context.js';

/*
 * The shapes of the list screen's commands. Features export values of these types; the
 * registries (screen/actions.ts for the keys, screen/extension-items.ts for F4) assemble
 * them, and a feature never imports the registry it adds to (so neither is part of a cycle).
 */

/** What a function key does on the list screen (S7–S16). */
export interface KeyAction {
  run(screen: ScreenContext): void | Promise<void>;
  /** Whether the key applies to the current tab and selection (the bar greys it out). */
  enabled?(screen: ScreenContext): boolean;
}

/** One entry of the F4 拡張 menu (E1–E12), in the manual's words. */
export interface ExtensionItem {
  id: `E${number}`;
  label: string;
  run(screen: ScreenContext): void | Promise<void>;
  enabled?(screen: ScreenContext): boolean;
}
