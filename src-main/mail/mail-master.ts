import type BetterSqlite3 from 'better-sqlite3';
import { fullMailPolicy } from '../../src-shared/domain/mail-policy.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { ParsedInputOf } from '../../src-shared/api/index.js';
import type {
  ChannelMailPolicy,
  MailPreview,
  MailSettings,
  MailTemplate,
  ReminderDays,
} from '../../src-shared/api/mail.js';
import { templateProblems } from '../../src-shared/domain/mail-template.js';
import type { AppContext } from '../core/app-context.js';
import { fitToJis } from './jis.js';
import { applyMailPolicy } from './mail-due.js';
import { loadMailOrders } from './mail-order.js';
import { newMessageId, renderMail } from './batch.js';
import { mailSettingsView, saveMailSettings, smtpConfig, storedMailSettings } from './mail-settings.js';
import { blockedReason } from './rules.js';
import type { MailTemplates } from './templates.js';
import { classifySendError, openTransport } from './transport.js';

/** What the mail masters work with: the database, the templates, the settings and the SMTP password's cipher, who edits and when. */
interface MailMasterParts extends Pick<AppContext, 'settings' | 'secrets' | 'clock' | 'actor'> {
  sqlite: BetterSqlite3.Database;
  templates: MailTemplates;
}

/**
 * The mail masters (設定 → メール): templates with a preview on a real order, the SMTP
 * settings and a test mail, the 催促 periods and each channel's mail policy.
 */
export class MailMaster {
  constructor(private readonly parts: MailMasterParts) {}

  saveTemplate({ kind, subject, body }: ParsedInputOf<'mail:saveTemplate'>): MailTemplate {
    const { templates, actor, clock } = this.parts;
    return templates.save(kind, subject, body, actor().operator, clock.now().toISOString());
  }

  /** A template (as saved, or as being edited) on an order: the order number's, else the newest. */
  preview({ kind, orderNo, subject, body }: ParsedInputOf<'mail:preview'>): MailPreview {
    const id = this.previewOrderId(orderNo);
    const order = loadMailOrders(this.parts.sqlite, [id]).get(id)!;
    const saved = this.parts.templates.get(kind);
    const template = { subject: subject ?? saved.subject, body: body ?? saved.body };
    const mail = storedMailSettings(this.parts);
    const rendered = renderMail(template, order, mail);
    const warnings = [...templateProblems(template.subject, template.body)];
    const blocked = blockedReason(order);
    if (blocked) warnings.push(blocked);
    if (kind === 'shipped' && !order.trackingNo) warnings.push('この注文は送り状番号が未登録です。');
    if (mail.encoding === 'iso2022jp') {
      const replaced = fitToJis(`${rendered.subject}\n${rendered.text}`).replaced;
      if (replaced.length)
        warnings.push(`ISO-2022-JP で送れない文字（${replaced.join(' ')}）は「〓」に置き換わります。`);
    }
    return { orderId: order.id, orderNo: order.orderNo, ...rendered, warnings };
  }

  private previewOrderId(orderNo: string): number {
    const { sqlite } = this.parts;
    const id = orderNo
      ? (sqlite.prepare('SELECT id FROM orders WHERE order_no = ? ORDER BY id DESC LIMIT 1').pluck().get(orderNo) as
          number | undefined)
      : (sqlite.prepare('SELECT max(id) FROM orders').pluck().get() as number | null);
    if (!id) {
      throw new UserError(
        orderNo ? `注文番号「${orderNo}」の注文が見つかりません。` : 'プレビューに使える注文がありません。',
        'not_found',
      );
    }
    return id;
  }

  settings(): Promise<MailSettings> {
    return mailSettingsView(this.parts);
  }

  saveSettings(input: ParsedInputOf<'mail:saveSettings'>): Promise<MailSettings> {
    return saveMailSettings(this.parts, input);
  }

  /** A test mail proves host, port, encryption, login and from-address in one go. */
  async testSend(to: string): Promise<{ message: string }> {
    const { smtp, mail } = await smtpConfig(this.parts);
    const transport = openTransport(smtp, { pool: false });
    const shop = mail.shopName || 'Chumon';
    const text = `${shop} のメール送信設定のテストです。\nこのメールが届いていれば、SMTP サーバー（${smtp.host}:${smtp.port}）の設定は正しく、日本語も正しく表示されています。\n\n送信元: ${mail.fromAddress}`;
    try {
      await transport.send({
        from: { name: mail.fromName, address: mail.fromAddress },
        to,
        subject: `【${shop}】テストメール（メール設定の確認）`,
        text,
        html: '',
        messageId: newMessageId(mail.fromAddress),
        date: this.parts.clock.now(),
        encoding: mail.encoding,
      });
    } catch (err) {
      throw new UserError(
        `テストメールを送信できませんでした。${classifySendError(err, smtp).message}`,
        'mail_test_failed',
      );
    } finally {
      transport.close();
    }
    const { loginWarning } = await this.settings();
    return {
      message: `${to} にテストメールを送信しました。届いたことを確認してください。${loginWarning ? `（注意: ${loginWarning}）` : ''}`,
    };
  }

  reminderDays(): ReminderDays {
    const { settings } = this.parts;
    return { ...settings.get('reminderDays'), skipHolidays: settings.get('reminderSkipHolidays') ?? false };
  }

  saveReminderDays({ unpaid, orderForm, skipHolidays }: ParsedInputOf<'mail:saveReminderDays'>): ReminderDays {
    const { settings } = this.parts;
    settings.set('reminderDays', { unpaid, orderForm });
    if (skipHolidays !== undefined) settings.set('reminderSkipHolidays', skipHolidays);
    return { unpaid, orderForm, skipHolidays: settings.get('reminderSkipHolidays') ?? false };
  }

  policy(): ChannelMailPolicy {
    return fullMailPolicy(this.parts.settings.get('mailPolicy') ?? {});
  }

  savePolicy({ channel, kind, send }: ParsedInputOf<'mail:savePolicy'>): ChannelMailPolicy {
    const { settings } = this.parts;
    const policy = settings.get('mailPolicy') ?? {};
    const next = { ...policy, [channel]: { ...policy[channel], [kind]: send } };
    settings.set('mailPolicy', next);
    applyMailPolicy(this.parts.sqlite, next);
    return fullMailPolicy(next);
  }
}
