import type { ScreenContext } from './screen-context.js';

/*
 * The shapes of the list screen's commands. Features export values of these types; the
 * registries (screen/actions.ts for the keys, screen/extension-items.ts for F4) assemble
 * them, and a feature never imports the registry it adds to (so neither is part of a cycle).
 */

/**
 * Why a key, a menu item or a button cannot act now, in the clerk's words; null when it can.
 * The bar and the menu grey such an entry out, and pressing it anyway says why.
 */
export type Unavailable = (screen: ScreenContext) => string | null;

/** Something the clerk can press: a function key, an F4 menu item, a button of the operation bar. */
export interface Pressable {
  run(screen: ScreenContext): void | Promise<void>;
  unavailable?: Unavailable;
}

/** What a function key does on the list screen (S7–S16). */
export type KeyAction = Pressable;

/** One entry of the F4 拡張 menu (E1–E12), in the manual's words. */
export interface ExtensionItem extends Pressable {
  id: `E${number}`;
  label: string;
}
