import { insertOrders } from '../../helpers/orders.js';
import { callMethod, type CrashScenario } from '../scenario.js';

const MAIL_ORDERS = 300;
const ORDER_NO = /ML-\d{4}/;

export const MAIL_SCENARIOS = {
  /**
   * A メール未送信 batch (入金確認メール) to a real SMTP server in the test process. A kill may
   * leave a mail "unknown" (sent or not, the clerk decides), but no buyer ever gets one twice.
   */
  'mail-batch': {
    atomic: false,
    resumable: true,
    comparesOrders: false,
    async prepare(app, env) {
      await callMethod(app, 'mail:saveSettings', {
        host: '127.0.0.1',
        port: env.smtp!.port,
        security: 'none',
        user: '',
        fromAddress: 'shop@example.jp',
        fromName: 'やきもの堂',
        encoding: 'utf8',
        shopName: 'やきもの堂',
        signature: 'やきもの堂',
        bankAccount: '',
      });
      insertOrders(
        app.ctx.database.sqlite,
        Array.from({ length: MAIL_ORDERS }, (_, i) => ({
          order: {
            orderNo: `ML-${String(i).padStart(4, '0')}`,
            buyer: { name: `購入者${i}`, kana: '', email: `ml${i}@example.jp`, phone: '' },
          },
          initial: { status: 'paid' as const },
        })),
      );
    },
    async run(app) {
      const ids = await callMethod(app, 'orders:ids', { tab: 'mail_unsent' });
      if (ids.length) await callMethod(app, 'mail:send', { orderIds: ids, purpose: 'status' });
    },
    beforeRound: (env) => env.smtp!.seen.length,
    async check(app, env, mark) {
      const smtp = env.smtp!;
      const problems: string[] = [];
      const arrived = new Map<string, number>();
      for (const raw of smtp.seen.slice(mark as number)) {
        const parsed = await smtp.parse(raw);
        const no = ORDER_NO.exec(`${parsed.subject ?? ''}\n${parsed.text ?? ''}`)?.[0] ?? '?';
        arrived.set(no, (arrived.get(no) ?? 0) + 1);
      }
      for (const [no, n] of arrived) if (n > 1) problems.push(`order ${no} mailed ${n} times`);
      const rows = app.ctx.database.sqlite
        .prepare('SELECT o.order_no AS orderNo, l.result FROM mail_log l JOIN orders o ON o.id = l.order_id')
        .all() as { orderNo: string; result: string }[];
      for (const row of rows) {
        if (row.result === 'pending') problems.push(`order ${row.orderNo}: mail still pending after the restart`);
        if (row.result === 'sent' && arrived.get(row.orderNo) !== 1)
          problems.push(`order ${row.orderNo}: logged sent, arrived ${arrived.get(row.orderNo) ?? 0} times`);
      }
      const logged = new Set(rows.filter((r) => r.result === 'sent' || r.result === 'unknown').map((r) => r.orderNo));
      for (const no of arrived.keys())
        if (!logged.has(no)) problems.push(`order ${no} arrived but its log says neither sent nor unknown`);
      return problems;
    },
  },
} satisfies Record<string, CrashScenario>;
