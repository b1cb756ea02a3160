import { expect, test } from './fixtures.js';

test('設定 → バックアップ: back up now, change data, restore: the earlier orders come back', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const before = chumon.query<{ n: number }>("SELECT count(*) AS n FROM orders WHERE status = 'cancelled'")[0]!.n;
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '設定' });
  await dialog.getByRole('tab', { name: 'バックアップ' }).click();
  await expect(dialog.getByText('バックアップはまだありません。')).toBeVisible();
  await dialog.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'バックアップを作成しました' })).toBeVisible();
  const rows = dialog.getByRole('table', { name: 'バックアップ一覧' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('手動');

  // Change the data behind the backup's back: cancel one 新規 order through the contract.
  const changed = await page.evaluate(async () => {
    const ids = (await (
      await fetch('./api/orders:ids', { method: 'POST', body: JSON.stringify({ tab: 'new' }) })
    ).json()) as { value: number[] };
    const res = await fetch('./api/operations:cancel', {
      method: 'POST',
      body: JSON.stringify({ orderIds: [ids.value[0]], reason: 'e2e' }),
    });
    return ((await res.json()) as { value: { applied: number } }).value.applied;
  });
  expect(changed).toBe(1);
  expect(chumon.query<{ n: number }>("SELECT count(*) AS n FROM orders WHERE status = 'cancelled'")[0]!.n).toBe(
    before + 1,
  );

  await rows
    .nth(1)
    .getByRole('button', { name: /のバックアップを復元/ })
    .click();
  const confirm = dialog.getByRole('alertdialog', { name: 'バックアップの復元' });
  await expect(confirm).toContainText('それ以降の変更は消えます');
  await confirm.getByRole('button', { name: '復元する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'のバックアップを復元しました' })).toBeVisible();
  // The list now also shows the copy taken before the restore.
  await expect(rows).toHaveCount(3);
  await expect(dialog.getByRole('table', { name: 'バックアップ一覧' })).toContainText('復元前の控え');
  // Read through the app: the fixture's reader still holds the replaced file open.
  const counts = await page.evaluate(async () => {
    const res = await fetch('./api/orders:counts', { method: 'POST', body: '{}' });
    return ((await res.json()) as { value: { cancelled: number } }).value;
  });
  expect(counts.cancelled).toBe(before);
});
