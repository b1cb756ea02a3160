import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The layers over the list screen (dialogs, the F4 menu, a dialog's own question), topmost
 * last. Escape closes the topmost layer wherever the focus is — also when the button that
 * had it was disabled or removed by the work it started — and focus never rests on <body>:
 * it goes back into the topmost layer, or to the screen's home (the grid row) when none is open.
 */
interface Layer {
  element: RefObject<HTMLElement | null>;
  close: { current: () => void };
}

const layers: Layer[] = [];
let home: () => void = () => undefined;

const FOCUSABLE =
  '[autofocus]:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Whether focus is nowhere a key could act: <body>, or an element that was disabled or removed. */
export function focusLost(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) return true;
  return active instanceof HTMLElement && 'disabled' in active && active.disabled === true;
}

/** Puts the focus back where the keyboard expects it, if it was lost (or, with `always`, in any case). */
export function keepFocus(always = false): void {
  if (!always && !focusLost()) return;
  const top = layers[layers.length - 1];
  if (!top) {
    home();
    return;
  }
  const element = top.element.current;
  if (!element) return;
  const first = element.querySelector<HTMLElement>(FOCUSABLE);
  (first ?? element).focus();
}

/** Whether any layer is open (function keys then belong to it). */
export function layerOpen(): boolean {
  return layers.length > 0;
}

/** Where focus goes when no layer is open and it was lost: the grid's cursor row. */
export function setFocusHome(focusHome: () => void): () => void {
  home = focusHome;
  return () => {
    if (home === focusHome) home = () => undefined;
  };
}

const HOME_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ', 'Enter']);

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented) return;
  const top = layers[layers.length - 1];
  if (!top) {
    // A move key with the focus nowhere brings it back to the list's cursor row.
    if (HOME_KEYS.has(e.key) && focusLost()) {
      e.preventDefault();
      home();
    }
    return;
  }
  if (e.key !== 'Escape') return;
  e.preventDefault();
  e.stopPropagation();
  top.close.current();
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKeyDown);
  // Focus leaving for nowhere (a button disabled while busy, a part of a dialog replaced, a
  // grid row drawn again): looked at once the change has settled, in the next task. Not at
  // the next frame: on a busy page a frame can be 50 ms and more away, and a key pressed
  // meanwhile would find the focus on <body>.
  document.addEventListener('focusout', (e) => {
    if (!e.relatedTarget) setTimeout(() => keepFocus(), 0);
  });
}

/** An element focus can go back to: still on the page and not disabled. */
function usable(element: Element | null): element is HTMLElement {
  if (!(element instanceof HTMLElement) || !element.isConnected || element === document.body) return false;
  return !('disabled' in element && element.disabled === true);
}

/**
 * Makes `element` a layer while mounted: Escape calls `onClose`, focus moves into it unless a
 * field inside took it itself (autoFocus), after every render focus is kept from <body>, and
 * when it closes focus goes back to where it was when the layer opened (or, if that element
 * is gone, to the layer below or the grid row).
 */
export function useLayer(element: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  // Read while rendering the first time: before any field inside takes the focus.
  const [opener] = useState(() => document.activeElement);
  useLayoutEffect(() => {
    install();
    const layer: Layer = { element, close };
    layers.push(layer);
    if (!element.current?.contains(document.activeElement)) element.current?.focus();
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (element.current?.contains(document.activeElement) || focusLost()) {
        if (usable(opener) && !element.current?.contains(opener)) opener.focus();
        else keepFocus(true);
      }
    };
  }, [element, opener]);
  // A render that disabled or removed the focused element (a busy button, a replaced step).
  useEffect(() => {
    keepFocus();
  });
}
