import { expect, type Locator, type Page } from '@playwright/test';
import { asciiIdentifiers } from '../../helpers/ascii-identifiers.js';

/** Where the keyboard focus is, as the day's checks see it. */
export type Focus = { on: 'row'; index: number } | { on: 'panel' } | { on: 'body' } | { on: 'other'; what: string };

/** The text around an identifier found in it, for the failure message. */
function around(text: string, hit: string): string {
  const at = text.indexOf(hit.slice(hit.indexOf(': ') + 2));
  return text.slice(Math.max(0, at - 80), at + 80).replace(/\s+/g, ' ');
}

/** A counted key press, with why it was needed. */
interface Press {
  key: string;
  why: string;
}

/**
 * A clerk at the keyboard: every key goes through `press`, which counts it (per phase) and
 * is followed by the test awaiting what the key should have done — a key the screen drops
 * makes that wait fail. Between presses the page is watched for focus on <body> and for
 * internal English identifiers in what it shows.
 */
export class Clerk {
  private presses: Press[] = [];

  constructor(readonly page: Page) {}

  /** Watches the focus from now on: a focus resting on <body> for two samples (≥ 40 ms) is recorded. */
  async watchFocus(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __bodyFocus: string[] };
      w.__bodyFocus = [];
      let previous = false;
      // What had the focus before it was lost, so that a failure says where it fell from.
      let last = '';
      const describe = (e: Element) =>
        `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}` +
        `${e.getAttribute('aria-label') ? ` "${e.getAttribute('aria-label')}"` : ''}` +
        `${e.closest('[row-index]') ? ` row ${e.closest('[row-index]')!.getAttribute('row-index')}` : ''}`;
      setInterval(() => {
        const active = document.activeElement;
        const lost = active === document.body || active === null;
        if (!lost) last = describe(active);
        if (lost && previous) w.__bodyFocus.push(`${new Date().toISOString()} (from ${last})`);
        previous = lost;
      }, 20);
    });
  }

  async bodyFocusEvents(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __bodyFocus: string[] }).__bodyFocus);
  }

  /** Presses a key (counted); `why` is what the README's count says it was for. */
  async press(key: string, why: string): Promise<void> {
    this.presses.push({ key, why });
    await this.page.keyboard.press(key);
  }

  /** Starts a new count (a phase of the day); returns the presses of the previous one. */
  restart(): Press[] {
    const done = this.presses;
    this.presses = [];
    return done;
  }

  get count(): number {
    return this.presses.length;
  }

  async focus(): Promise<Focus> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return { on: 'body' as const };
      const row = active.closest('[row-index]');
      if (row && active.closest('.ag-cell'))
        return { on: 'row' as const, index: Number(row.getAttribute('row-index')) };
      if (active.id === 'order-panel') return { on: 'panel' as const };
      return {
        on: 'other' as const,
        what: `${active.tagName} ${active.getAttribute('aria-label') ?? active.textContent}`,
      };
    });
  }

  /** Waits for the focus to be on a grid row (that row, if given), never <body>. */
  async expectFocusOnRow(index?: number): Promise<void> {
    await expect
      .poll(async () => {
        const focus = await this.focus();
        return focus.on === 'row' && (index === undefined || focus.index === index) ? 'row' : JSON.stringify(focus);
      })
      .toBe('row');
  }

  /** Waits for the focus to be on the list: a row, or the list's panel when it has no rows. */
  async expectFocusOnList(): Promise<void> {
    await expect
      .poll(async () => {
        const focus = await this.focus();
        return focus.on === 'row' || focus.on === 'panel' ? 'list' : JSON.stringify(focus);
      })
      .toBe('list');
  }

  /** Fails on an internal English identifier in any message, dialog or notice on screen (or in `within`). */
  async expectNoIdentifiers(within?: Locator): Promise<void> {
    const texts = await (
      within ?? this.page.locator('[role=status], [role=alert], [role=dialog], [role=alertdialog], .notice')
    ).allInnerTexts();
    const found = texts.flatMap((t) => asciiIdentifiers(t).map((hit) => `${hit} in 「${around(t, hit)}」`));
    expect(found).toEqual([]);
  }
}
