import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../src-main/logs/file-logger.js';
import { redactText, redactValue } from '../../../src-main/logs/redact.js';
import { TestClock } from '../../helpers/test-app.js';

describe('log redaction', () => {
  it('replaces mail addresses, phone numbers, postal codes, addresses and names in text', () => {
    const line =
      '出荷通知の送信に失敗: yamada.taro+shop@example.co.jp 宛 電話 090-1234-5678 / 03(1234)5678 / ０３－１２３４－５６７８ ' +
      '〒150-0001 東京都渋谷区神宮前1-2-3 山田 太郎 様 注文番号 A-1001 2026-12-05T11:00:00.000Z';
    const out = redactText(line);
    for (const personal of [
      'yamada',
      'example.co.jp',
      '1234-5678',
      '(1234)',
      '１２３４',
      '150-0001',
      '渋谷区',
      '神宮前',
      '山田',
      '太郎',
    ])
      expect(out).not.toContain(personal);
    expect(out).toContain('［メール］');
    expect(out).toContain('［電話］');
    expect(out).toContain('［住所］');
    expect(out).toContain('［氏名］様');
    // What head office needs to help stays: the order number, the time, the message.
    expect(out).toContain('注文番号 A-1001');
    expect(out).toContain('2026-12-05T11:00:00.000Z');
    expect(out).toContain('出荷通知の送信に失敗');
  });

  it('blanks personal fields in objects and in JSON text', () => {
    const value = redactValue({
      orderNo: 'A-1',
      buyerName: '佐藤 花子',
      buyerKana: 'サトウ ハナコ',
      shipAddress1: '大阪市北区1-1',
      buyerPhone: '0612345678',
      buyerEmail: 'hanako@example.jp',
      items: [{ sku: 'SKU-1', recipientName: '鈴木 一郎' }],
    });
    const text = JSON.stringify(value);
    for (const personal of ['佐藤', 'サトウ', '大阪市', '0612345678', 'hanako', '鈴木'])
      expect(text).not.toContain(personal);
    expect(text).toContain('A-1');
    expect(text).toContain('SKU-1');
    expect(redactText('input {"orderNo":"B-2","buyerName":"高橋 健","zip":"1000001"}')).toBe(
      'input {"orderNo":"B-2","buyerName":"［個人情報］","zip":"［個人情報］"}',
    );
  });
});

describe('rotating log files', () => {
  it('writes a redacted file a day, moves a full one aside and deletes old days', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-logs-'));
    writeFileSync(path.join(dir, 'chumon-2026-11-01.log'), 'old\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a log\n');
    const clock = new TestClock(new Date('2026-12-05T01:00:00Z'));
    const log = createFileLogger({ dir, clock, maxFileBytes: 2_000, keepDays: 14 });
    for (let i = 0; i < 40; i++) log.info(`同期 ${i} 件目`, { buyerName: '山田 太郎', mail: 'a@b.jp' });
    log.error('送信失敗', new Error('接続できません: 090-1111-2222'));
    clock.set('2026-12-05T16:00:00Z'); // 01:00 on 12-06 in Japan: a new day's file
    log.warn('翌日');
    const names = readdirSync(dir).sort();
    expect(names).not.toContain('chumon-2026-11-01.log');
    expect(names).toContain('notes.txt');
    expect(names).toContain('chumon-2026-12-05.log');
    expect(names).toContain('chumon-2026-12-05.1.log');
    expect(names).toContain('chumon-2026-12-06.log');
    const all = names
      .filter((n) => n.endsWith('.log'))
      .map((n) => readFileSync(path.join(dir, n), 'utf8'))
      .join('');
    expect(all).toContain('[info] 同期 39 件目');
    expect(all).toContain('[error] 送信失敗 Error: 接続できません: ［電話］');
    expect(all).toContain('[warn] 翌日');
    expect(all).not.toContain('山田');
    expect(all).not.toContain('a@b.jp');
    for (const n of names.filter((n) => n.endsWith('.log')))
      expect(readFileSync(path.join(dir, n)).length).toBeLessThanOrEqual(2_000);
  });
});
