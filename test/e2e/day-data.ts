import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { expect, type Locator, type Page } from '@playwright/test';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { openDatabase } from '../../src-main/db/open.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import type { InitialState } from '../../src-main/orders/writer.js';
import { insertOrders } from '../helpers/orders.js';
import type { Chumon } from './fixtures.js';

/**
 * A writable connection to the running app's database, opened as the app opens it (with
 * its SQL functions), to lay out the orders and stock a scenario needs before the page loads.
 */
export function openStoreDb(chumon: Chumon): BetterSqlite3.Database {
  return openDatabase(path.join(chumon.dataDir, 'chumon.sqlite'), path.join(SOURCE_ROOT, 'drizzle')).sqlite;
}

/** Inserts orders newest-first at the top of their tabs (ordered a few seconds ago, in list order). */
export function insertTopOrders(
  sqlite: BetterSqlite3.Database,
  orders: { order: Partial<NewOrder>; initial?: InitialState }[],
): number[] {
  const now = Date.now();
  return insertOrders(
    sqlite,
    orders.map(({ order, initial }, i) => ({
      order: { orderedAt: new Date(now - (i + 1) * 1000).toISOString(), ...order },
      initial,
    })),
  );
}

export const line = (sku: string, quantity: number, unitPrice = 1000, lineNo = 1) => ({
  lineNo,
  sku,
  title: `テスト商品 ${sku}`,
  quantity,
  unitPrice,
  location: 'Z-99',
});

/**
 * Checks the grid row of an order by its number (the row must be on screen). A click that
 * lands while a live refresh redraws the row is lost, as it would be for a clerk, who
 * clicks again: so does this (check() is a no-op on a checked box).
 */
export async function check(page: Page, orderNo: string): Promise<void> {
  await setChecked(page.getByRole('checkbox', { name: `選択 ${orderNo}`, exact: true }), true);
}

/** Unchecks the grid row of an order by its number; as check(). */
export async function uncheck(page: Page, orderNo: string): Promise<void> {
  await setChecked(page.getByRole('checkbox', { name: `選択 ${orderNo}`, exact: true }), false);
}

async function setChecked(box: Locator, checked: boolean): Promise<void> {
  await expect(async () => {
    await box.setChecked(checked, { timeout: 2000 });
  }).toPass({ timeout: 10_000 });
}

/** Checks the grid row at a position of the list (the row must be on screen); as check(). */
export async function checkRow(page: Page, index: number): Promise<void> {
  await setChecked(page.locator(`[role=row][row-index="${index}"] input[type=checkbox]`), true);
}

/** Opens an item of the F4 拡張メニュー by its name. */
export async function openMenuItem(page: Page, name: RegExp): Promise<void> {
  await page.keyboard.press('F4');
  await page.getByRole('menu', { name: '拡張メニュー' }).getByRole('menuitem', { name }).click();
}

/** Opens a tab and waits for its rows (not the rows of the list shown before). */
export async function openTab(page: Page, label: string): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${label}\\s`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-busy', 'false');
  await page.locator('[role=row][row-index="0"]').first().waitFor();
}

/** A cell of the order grid, by row position and column id. */
export const gridCell = (page: Page, row: number, col: string) =>
  page.locator(`[role=row][row-index="${row}"] [role=gridcell][col-id=${col}]`);

/**
 * A cell's text once its row has loaded: the infinite row model draws a row before its data
 * arrives, and an empty order number read then would match any order's dialog.
 */
export async function cellText(page: Page, row: number, col: string): Promise<string> {
  await expect(gridCell(page, row, col)).toHaveText(/\S/);
  return (await gridCell(page, row, col).textContent())!;
}
