import { fullMailPolicy } from '../../src-shared/domain/mail-policy.js';
import { applyMailPolicy } from './mail-due.js';
import { UserError } from '../../src-shared/api/errors.js';
import { templateProblems } from '../../src-shared/domain/mail-template.js';
import type { Handlers } from '../core/dispatch.js';
import type { ServiceContext } from '../core/context.js';
import { fitToJis } from './jis.js';
import { loadMailOrders } from './mail-order.js';
import { newMessageId, renderMail } from './batch.js';
import { mailSettingsView, saveMailSettings, smtpConfig, storedMailSettings } from './mail-settings.js';
import { blockedReason } from './rules.js';
import { classifySendError, openTransport } from './transport.js';

function previewOrderId(ctx: ServiceContext, orderNo: string): number {
  const { sqlite } = ctx.database;
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

/** A test mail proves host, port, encryption, login and from-address in one go. */
async function sendTestMail(ctx: ServiceContext, to: string): Promise<{ message: string }> {
  const { smtp, mail } = await smtpConfig(ctx);
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
      date: ctx.clock.now(),
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
  const { loginWarning } = await mailSettingsView(ctx);
  return {
    message: `${to} にテストメールを送信しました。届いたことを確認してください。${loginWarning ? `（注意: ${loginWarning}）` : ''}`,
  };
}

export const mailMasterHandlers: Handlers<
  | 'mail:templates'
  | 'mail:saveTemplate'
  | 'mail:resetTemplate'
  | 'mail:preview'
  | 'mail:settings'
  | 'mail:saveSettings'
  | 'mail:testSend'
  | 'mail:reminderDays'
  | 'mail:saveReminderDays'
  | 'mail:policy'
  | 'mail:savePolicy'
> = {
  'mail:templates': (_input, ctx) => ctx.services.mail.templates.all(),
  'mail:saveTemplate': ({ kind, subject, body }, ctx) =>
    ctx.services.mail.templates.save(kind, subject, body, ctx.actor().operator, ctx.clock.now().toISOString()),
  'mail:resetTemplate': ({ kind }, ctx) => ctx.services.mail.templates.reset(kind),
  'mail:preview': ({ kind, orderNo, subject, body }, ctx) => {
    const id = previewOrderId(ctx, orderNo);
    const order = loadMailOrders(ctx.database.sqlite, [id]).get(id)!;
    const saved = ctx.services.mail.templates.get(kind);
    const template = { subject: subject ?? saved.subject, body: body ?? saved.body };
    const mail = storedMailSettings(ctx);
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
  },
  'mail:settings': (_input, ctx) => mailSettingsView(ctx),
  'mail:saveSettings': (input, ctx) => saveMailSettings(ctx, input),
  'mail:testSend': ({ to }, ctx) => sendTestMail(ctx, to),
  'mail:reminderDays': (_input, ctx) => ({
    ...ctx.settings.get('reminderDays'),
    skipHolidays: ctx.settings.get('reminderSkipHolidays') ?? false,
  }),
  'mail:policy': (_input, ctx) => fullMailPolicy(ctx.settings.get('mailPolicy') ?? {}),
  'mail:savePolicy': ({ channel, kind, send }, ctx) => {
    const policy = ctx.settings.get('mailPolicy') ?? {};
    const next = { ...policy, [channel]: { ...policy[channel], [kind]: send } };
    ctx.settings.set('mailPolicy', next);
    applyMailPolicy(ctx.database.sqlite, next);
    return fullMailPolicy(next);
  },
  'mail:saveReminderDays': ({ unpaid, orderForm, skipHolidays }, ctx) => {
    ctx.settings.set('reminderDays', { unpaid, orderForm });
    if (skipHolidays !== undefined) ctx.settings.set('reminderSkipHolidays', skipHolidays);
    return { unpaid, orderForm, skipHolidays: ctx.settings.get('reminderSkipHolidays') ?? false };
  },
};
