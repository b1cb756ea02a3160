import { expect, test } from './fixtures.js';

test('設定 → 基本: the operator and store are saved and shown in the header', async ({ page, chumon }) => {
  await page.goto(chumon.url);
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '設定' });
  await dialog.getByLabel('担当者名').fill('佐藤 店長');
  await dialog.getByLabel('この PC の出荷店舗').selectOption({ label: '大阪倉庫店' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText(/基本設定を保存しました/);
  await expect(page.locator('.who')).toContainText('大阪倉庫店　担当: 佐藤 店長');

  await dialog.getByLabel('担当者名').fill('  ');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('担当者名を入力してください');
  await expect(page.locator('.who')).toContainText('担当: 佐藤 店長');
});

test('設定 closed with edits not yet saved asks 「変更を保存しますか」: 戻る keeps them, 破棄 drops them, 保存 saves', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const open = async () => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await expect(dialog.getByLabel('担当者名')).toHaveValue(/./);
  };
  const dialog = page.getByRole('dialog', { name: '設定' });
  const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
  await open();
  // Nothing changed: Escape closes at once.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await open();
  await dialog.getByLabel('担当者名').fill('鈴木 二郎');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '戻る' }).click();
  await expect(dialog.getByLabel('担当者名')).toHaveValue('鈴木 二郎');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.who')).not.toContainText('鈴木 二郎');

  await open();
  await expect(dialog.getByLabel('担当者名')).not.toHaveValue('鈴木 二郎');
  await dialog.getByLabel('担当者名').fill('鈴木 二郎');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.who')).toContainText('担当: 鈴木 二郎');
});

test('設定 → 印刷・CSV closed with an edited code asks 「変更を保存しますか」; 破棄 leaves the stored code', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const dialog = page.getByRole('dialog', { name: '設定' });
  const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
  const code = dialog.getByLabel('B2クラウド ご請求先顧客コード');
  const open = async () => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await dialog.getByRole('tab', { name: '印刷・CSV' }).click();
    await expect(dialog.getByLabel('CSV の文字コード')).toBeVisible();
  };
  await open();
  await code.fill('0123456789');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();

  await open();
  await expect(code).toHaveValue('');
  await code.fill('0123456789');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await open();
  await expect(code).toHaveValue('0123456789');
});

test('設定 → 同期 closed with a typed address asks 「変更を保存しますか」: 戻る keeps it, 破棄 drops it', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const dialog = page.getByRole('dialog', { name: '設定' });
  const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
  const address = dialog.getByLabel('中央サーバーのアドレス');
  const open = async () => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await dialog.getByRole('tab', { name: '同期' }).click();
    await expect(address).toBeVisible();
  };
  await open();
  await address.fill('https://chumon.example.jp');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '戻る' }).click();
  await expect(address).toHaveValue('https://chumon.example.jp');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();
  await open();
  await expect(address).toHaveValue('');
});

test('設定 → バックアップ closed with an edited 世代数 asks 「変更を保存しますか」; 保存 stores it', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const dialog = page.getByRole('dialog', { name: '設定' });
  const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
  const keep = dialog.getByLabel('保存する世代数');
  const open = async () => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await dialog.getByRole('tab', { name: 'バックアップ' }).click();
    await expect(keep).toBeVisible();
  };
  await open();
  const before = await keep.inputValue();
  await keep.fill('45');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();
  await open();
  await expect(keep).toHaveValue(before);
  await keep.fill('45');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await open();
  await expect(keep).toHaveValue('45');
});

test('設定 → メールテンプレート closed with an edited 件名 asks 「変更を保存しますか」; 破棄 keeps the stored one', async ({
  page,
  chumon,
}) => {
  await page.goto(chumon.url);
  const dialog = page.getByRole('dialog', { name: '設定' });
  const question = page.getByRole('alertdialog', { name: '変更を保存しますか' });
  const subject = dialog.getByLabel('件名', { exact: true });
  const open = async () => {
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await dialog.getByRole('tab', { name: 'メールテンプレート' }).click();
    await expect(subject).not.toHaveValue('');
  };
  await open();
  const before = await subject.inputValue();
  await subject.fill('テスト件名');
  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '破棄' }).click();
  await expect(dialog).toBeHidden();
  await open();
  await expect(subject).toHaveValue(before);
});
