import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, type PlaceholderValues } from '../../../src-shared/domain/mail.js';
import { renderTemplate, templateProblems, textToHtml } from '../../../src-shared/domain/mail-template.js';

const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p.name, `<${p.name}>`])) as PlaceholderValues;

describe('templateProblems', () => {
  it('accepts every known placeholder', () => {
    const all = PLACEHOLDERS.map((p) => `{{${p.name}}}`).join(' ');
    expect(templateProblems(`件名 {{注文番号}}`, all)).toEqual([]);
  });

  it('names an unknown placeholder and where it is', () => {
    expect(templateProblems('件名', '一行目\n{{購入者名}} 様 {{お客様名}}')).toEqual([
      '本文 2 行目の差し込み項目「{{お客様名}}」は使えません。一覧にある項目だけを使ってください。',
    ]);
    expect(templateProblems('{{注文No}}', '本文')[0]).toMatch(/^件名の差し込み項目「{{注文No}}」は使えません/);
  });

  it('refuses braces that do not close, an empty or multi-line subject, an empty body', () => {
    expect(templateProblems('件名', '{{購入者名 様')).toEqual([
      expect.stringMatching(/本文 1 行目の「{{」が閉じられていません/),
    ]);
    expect(templateProblems(' ', '')).toEqual(['件名を入力してください。', '本文を入力してください。']);
    expect(templateProblems('一行目\n二行目', '本文')).toEqual(['件名は1行で入力してください。']);
  });
});

describe('renderTemplate', () => {
  it('fills each placeholder once: a value that looks like a placeholder stays as typed', () => {
    const v = { ...values, 購入者名: '{{注文番号}}', 注文番号: 'A-1' };
    expect(renderTemplate('{{購入者名}} / {{注文番号}}', v, { singleLine: false })).toBe('{{注文番号}} / A-1');
  });

  it('keeps line breaks in the body, turns them into spaces in the subject, drops control characters', () => {
    const v = { ...values, 商品明細: '・A\r\n・B', 購入者名: '山田\u0007 太郎\nBcc: x@example.jp' };
    expect(renderTemplate('{{商品明細}}', v, { singleLine: false })).toBe('・A\n・B');
    expect(renderTemplate('{{購入者名}} 様', v, { singleLine: true })).toBe('山田 太郎 Bcc: x@example.jp 様');
  });
});

describe('textToHtml', () => {
  it('escapes everything and links web addresses', () => {
    const html = textToHtml('<b>"山田" & \'太郎\'</b>\nhttps://example.jp/t?a=1&b=2');
    expect(html).toContain('&lt;b&gt;&quot;山田&quot; &amp; &#39;太郎&#39;&lt;/b&gt;');
    expect(html).toContain('<a href="https://example.jp/t?a=1&amp;b=2">https://example.jp/t?a=1&amp;b=2</a>');
    expect(html).not.toContain('<b>');
  });
});
