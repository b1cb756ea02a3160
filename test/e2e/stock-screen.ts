import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** Opens 在庫一覧 from the header; its filter has the focus. */
export async function openStock(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '在庫一覧' }).click();
  const screen = page.getByRole('dialog', { name: '在庫一覧' });
  await expect(screen.getByLabel('絞り込み')).toBeFocused();
  return screen;
}

/** The grid row of a SKU, once the filter shows it. */
export async function gridRow(screen: Locator, sku: string): Promise<Locator> {
  await screen.getByLabel('絞り込み').fill(sku);
  const row = screen.locator('.stock-grid [role=row]').filter({ hasText: sku });
  await expect(row).toHaveCount(1);
  return row;
}
