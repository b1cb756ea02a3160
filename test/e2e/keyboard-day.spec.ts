import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TestSmtpServer } from '../helpers/smtp.js';
import { stockUp } from '../helpers/stock.js';
import { openStoreDb } from './day-data.js';
import { expect, tabCount, test as base } from './fixtures.js';
import { Clerk } from './keyboard/clerk.js';
import { b2IssuedData, batchOrders, writeYahooFile } from './keyboard/day-files.js';

const BATCH = 100;

const test = base.extend<{ smtp: TestSmtpServer; files: string }>({
  smtp: async ({}, use) => {
    // The second mail of the day is refused once (it goes out on F8's retry).
    const smtp = await TestSmtpServer.start({ verdict: (n) => (n === 2 ? 'reject' : 'accept') });
    await use(smtp);
    await smtp.close();
  },
  files: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-day-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  seedOrders: 0,
  presetSettings: async ({ smtp }, use) =>
    use({
      storeId: 'tokyo',
      pcId: 'TOKYO-1',
      // The store printer is unplugged today: E8 says so and saves PDFs.
      printer: 'Tokyo_Laser',
      shippingLabels: { yamatoCustomerCode: '0312345678', yamatoFreightNo: '01', sagawaCustomerCode: '' },
      mail: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: '',
        passwordSealed: '',
        fromAddress: 'shop@example.jp',
        fromName: 'やきもの堂',
        encoding: 'utf8',
        htmlPart: false,
        shopName: 'やきもの堂',
        signature: '',
        bankAccount: '',
      },
    }),
});

test.setTimeout(240_000);

/** Waits until a tab's rows are on screen (its panel not busy) and the tab is the selected one. */
async function onTab(page: Page, label: string): Promise<void> {
  await expect(page.getByRole('tab', { name: new RegExp(`^${label}\\s`) })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-busy', 'false');
}

const checkedCount = (page: Page) => page.locator('.selected-count');

test('a day at the keyboard: F1 to 出荷済 for a batch of 100, mails, F8 retry and F12 — no key dropped, focus always on the list', async ({
  page,
  chumon,
  smtp,
  files,
}) => {
  const db = openStoreDb(chumon);
  db.prepare(
    "INSERT INTO stores (id, name, postal_code, address, phone) VALUES ('tokyo', 'やきもの堂 東京店', '103-0027', '東京都中央区日本橋1-1-1', '03-1234-5678')",
  ).run();
  stockUp(db, 'tokyo', { 'MG-010': 1000, 'TW-100': 1000 });
  db.close();
  const orders = batchOrders(BATCH);
  const yahooFile = writeYahooFile(files, orders);

  await page.goto(chumon.url);
  const clerk = new Clerk(page);
  // A new store PC: no orders yet, the list's place says so and has the focus.
  await expect(page.getByRole('region', { name: '注文データなし' })).toBeVisible();
  await clerk.expectFocusOnList();
  await clerk.watchFocus();

  await test.step('F1: the Yahoo! store file, chosen from the keyboard', async () => {
    await clerk.press('F1', 'F1 取込を開く');
    const dialog = page.getByRole('dialog', { name: 'Yahoo!オークションCSV取込' });
    const chooser = page.waitForEvent('filechooser');
    await clerk.press('Space', 'ファイルを選ぶ');
    await (await chooser).setFiles(yahooFile);
    await expect(dialog.getByRole('status', { name: '取込の内容' })).toHaveText(
      `新規 ${BATCH}件・更新 0件・変更なし 0件・エラー 0件`,
    );
    await clerk.expectNoIdentifiers();
    await clerk.press('Enter', '取込');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '取込が終わりました' })).toContainText(`新規 ${BATCH}件`);
    await expect.poll(() => tabCount(page, '新規')).toBe(BATCH);
    await clerk.expectFocusOnRow();
  });
  const importKeys = clerk.restart();

  await test.step('新規 → 在庫確認済 / 入金済: F2 and F11 pressed together', async () => {
    await clerk.press('F2', '全選択');
    await clerk.press('F11', '在庫確認');
    await expect(page.getByRole('status').filter({ hasText: '在庫確認' })).toContainText(`${BATCH}件を処理しました`);
    await expect.poll(() => tabCount(page, '新規')).toBe(0);
    expect(await tabCount(page, '在庫確認済')).toBe(60);
    expect(await tabCount(page, '入金済')).toBe(40);
    await clerk.expectFocusOnList();
    await clerk.expectNoIdentifiers();
  });

  await test.step('在庫確認済 → 入金済: E13 入金確認登録 with today as the paid date', async () => {
    await clerk.press('2', 'タブ 在庫確認済');
    await onTab(page, '在庫確認済');
    await clerk.expectFocusOnRow(0);
    await clerk.press('F2', '全選択');
    await expect(checkedCount(page)).toContainText('60件選択中');
    await clerk.press('F4', '拡張メニュー');
    await clerk.press('1', 'E13');
    await clerk.press('3', 'E13');
    const dialog = page.getByRole('dialog', { name: '入金確認登録' });
    await expect(dialog.getByLabel('入金日')).toBeFocused();
    await clerk.press('Enter', '登録');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '入金確認登録' })).toContainText('60件を処理しました');
    await expect.poll(() => tabCount(page, '入金済')).toBe(BATCH);
    await clerk.expectFocusOnList();
  });

  let exported: Buffer | null = null;
  await test.step('入金済: E8 picking list to the store printer, E18 the B2クラウド file', async () => {
    await clerk.press('4', 'タブ 入金済');
    await onTab(page, '入金済');
    await clerk.expectFocusOnRow(0);
    await clerk.press('F2', '全選択');
    await expect(checkedCount(page)).toContainText(`${BATCH}件選択中`);

    await clerk.press('F4', '拡張メニュー');
    await clerk.press('8', 'E8');
    const print = page.getByRole('dialog', { name: 'ピッキングリスト発行' });
    await expect(print.getByTestId('print-target')).toContainText(
      'プリンタ: なし（設定のプリンタ「Tokyo_Laser」が見つかりません。',
    );
    await expect(print.getByRole('button', { name: '印刷', exact: true })).toHaveAttribute('aria-disabled', 'true');
    await expect(print.getByRole('button', { name: 'PDFで保存' })).toBeFocused();
    const pdf = page.waitForEvent('download');
    await clerk.press('Enter', 'PDFで保存');
    expect((await pdf).suggestedFilename()).toMatch(/^ピッキングリスト_.*\.pdf$/);
    await expect(print.getByRole('status').filter({ hasText: 'PDF で保存しました' })).toContainText(`${BATCH}件`);
    await clerk.expectNoIdentifiers();
    await clerk.press('Escape', '閉じる');
    await expect(print).toBeHidden();
    await clerk.expectFocusOnRow(0);

    await clerk.press('F4', '拡張メニュー');
    await clerk.press('1', 'E18');
    await clerk.press('8', 'E18');
    const labels = page.getByRole('dialog', { name: '送り状データ出力' });
    await expect(labels.getByLabel('送り状ソフト')).toBeFocused();
    const download = page.waitForEvent('download');
    await clerk.press('Enter', '出力');
    exported = readFileSync((await (await download).path())!);
    await expect(labels.getByRole('status')).toContainText(`${BATCH}件の送り状データを出力しました`);
    await clerk.press('Escape', '閉じる');
    await expect(labels).toBeHidden();
    await clerk.expectFocusOnRow(0);
  });

  let trackingNos: string[] = [];
  await test.step('E19: the issued data registers every tracking number → 出荷待ち', async () => {
    const issued = b2IssuedData(files, exported!);
    trackingNos = issued.trackingNos;
    expect(trackingNos).toHaveLength(BATCH);
    await clerk.press('F4', '拡張メニュー');
    await clerk.press('1', 'E19');
    await clerk.press('9', 'E19');
    const dialog = page.getByRole('dialog', { name: '送り状発行済データ取込' });
    const chooser = page.waitForEvent('filechooser');
    await clerk.press('Space', 'ファイルを選ぶ');
    await (await chooser).setFiles(issued.file);
    await expect(dialog.getByRole('status', { name: '登録の内容' })).toContainText(`登録 ${BATCH}件`);
    await expect(dialog.getByRole('button', { name: '登録' })).toBeFocused();
    await clerk.press('Enter', '登録');
    await expect(dialog).toBeHidden();
    await expect.poll(() => tabCount(page, '出荷待ち')).toBe(BATCH);
    await clerk.expectFocusOnList();
    await clerk.expectNoIdentifiers();
  });

  await test.step('出荷待ち → 出荷済: one scan per parcel at the packing table', async () => {
    await clerk.press('5', 'タブ 出荷待ち');
    await onTab(page, '出荷待ち');
    await clerk.press('F4', '拡張メニュー');
    await clerk.press('1', 'E16');
    await clerk.press('6', 'E16');
    const scan = page.getByRole('dialog', { name: '出荷確定スキャン' });
    await expect(scan.getByLabel('スキャン入力')).toBeFocused();
    // The scanner: its digits arrive as text, then its Enter (not the clerk's keys).
    for (const no of trackingNos) {
      await page.keyboard.insertText(no);
      await page.keyboard.press('Enter');
    }
    await expect(scan.getByText(`このスキャンで出荷確定: ${BATCH}件`)).toBeVisible();
    await clerk.press('Escape', '閉じる');
    await expect(scan).toBeHidden();
    await expect.poll(() => tabCount(page, '出荷済')).toBe(BATCH);
    await clerk.expectFocusOnList();
  });
  const batchKeys = clerk.restart();
  console.log(
    `keys for ${BATCH} orders 新規 → 出荷済: ${batchKeys.length} (+ ${BATCH} scans); F1 import: ${importKeys.length}\n` +
      batchKeys.map((p) => `${p.key}\t${p.why}`).join('\n'),
  );
  expect(batchKeys.length).toBeLessThanOrEqual(30);

  await test.step('出荷済: three rows checked with Space and Shift+↓, F7 sends their 発送完了メール', async () => {
    await clerk.press('6', 'タブ 出荷済');
    await onTab(page, '出荷済');
    await clerk.expectFocusOnRow(0);
    await clerk.press('Space', 'チェック');
    await expect(checkedCount(page)).toContainText('1件選択中');
    await clerk.press('Shift+ArrowDown', 'チェックを広げる');
    await clerk.press('Shift+ArrowDown', 'チェックを広げる');
    await expect(checkedCount(page)).toContainText('3件選択中');
    await clerk.expectFocusOnRow(2);
    await clerk.press('F7', 'メール送信');
    const send = page.getByRole('dialog', { name: 'メール送信' });
    await expect(send.getByRole('button', { name: '送信する' })).toBeFocused();
    await clerk.press('Enter', '送信する');
    await expect(send.getByRole('status')).toHaveText(/送信 2件 \/ 失敗 1件/);
    await clerk.expectNoIdentifiers();
    await clerk.press('Escape', '閉じる');
    await expect(send).toBeHidden();
    await clerk.expectFocusOnRow(2);
  });

  await test.step('F8: the refused mail is retried from the keyboard', async () => {
    await clerk.press('F8', '送信ログ照会');
    const log = page.getByRole('dialog', { name: '送信ログ照会' });
    const retry = log.getByRole('button', { name: '表示中の送信失敗を再送（1件）' });
    await expect(retry).toBeFocused();
    await clerk.press('Enter', '再送');
    await expect(log.getByRole('status')).toContainText('再送しました（送信 1件');
    await clerk.expectNoIdentifiers();
    await clerk.press('Escape', '閉じる');
    await expect(log).toBeHidden();
    await clerk.expectFocusOnRow(2);
    expect(smtp.received).toHaveLength(3);
  });

  await test.step('F12: an edit, Escape asks 「変更を保存しますか」, 戻る keeps it, 保存 saves it', async () => {
    await clerk.press('F12', '注文詳細');
    const detail = page.getByRole('dialog', { name: /^注文詳細 day-/ });
    await expect(detail.getByLabel('サブステータス')).toBeFocused();
    await clerk.press('Tab', '注文時コメントへ');
    await clerk.press('Tab', '受注後コメントへ');
    const comment = detail.getByLabel('受注後コメント');
    await expect(comment).toBeFocused();
    await page.keyboard.insertText('再配達の希望あり');
    await clerk.press('Escape', '閉じる');
    const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
    await expect(question.getByRole('button', { name: '保存' })).toBeFocused();
    await clerk.press('Escape', '戻る');
    await expect(question).toBeHidden();
    await expect(comment).toBeFocused();
    await expect(comment).toHaveValue('再配達の希望あり');
    await clerk.press('Escape', '閉じる');
    await expect(question.getByRole('button', { name: '保存' })).toBeFocused();
    await clerk.press('Enter', '保存');
    await expect(detail).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '1項目を変更しました' })).toBeVisible();
    await clerk.expectFocusOnRow(2);
    expect(chumon.query("SELECT count(*) AS n FROM orders WHERE staff_comment = '再配達の希望あり'")).toEqual([
      { n: 1 },
    ]);
    await clerk.press('Enter', '注文詳細（Enter）');
    const history = detail.getByRole('table', { name: '履歴' });
    await expect(history).toContainText('再配達の希望あり');
    // Every row of its day in the manual's words: 新規登録 by F1, the status changes, the print.
    await expect(history).toContainText('新規登録');
    await clerk.expectNoIdentifiers(history);
    await clerk.expectNoIdentifiers(detail.locator('dl.facts'));
    await clerk.press('Escape', '閉じる');
    await clerk.expectFocusOnRow(2);
  });

  expect(await clerk.bodyFocusEvents()).toEqual([]);
});
