import { Hono } from 'hono';
import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import { newOrderInput } from '../../src-shared/sync/protocol.js';
import { bad, parse, type Env, type RouteDeps } from '../http/route-kit.js';
import { csvIntakeInput, intakeCsv } from './csv-intake.js';
import { intakeOrders } from './intake.js';
import { intakeStock, stockIntakeInput } from '../stock/intake.js';

/** /intake (an admin's or a connector's token): orders as JSON, an order file, stock rows. */
export function intakeRoutes({ db, clock, notify }: RouteDeps): Hono<Env> {
  const app = new Hono<Env>();
  app.post('/orders', async (c) => {
    const input = await parse(c, z.object({ orders: z.array(newOrderInput).min(1).max(10_000) }));
    if (!input.ok) return bad(c, input.message);
    return c.json(
      await intakeOrders(db, input.value.orders, `受注取込（${c.get('client').name}）`, clock.now(), notify),
    );
  });
  app.post('/csv', async (c) => {
    const input = await parse(c, csvIntakeInput);
    if (!input.ok) return bad(c, input.message);
    try {
      return c.json(await intakeCsv(db, input.value, `CSV取込（${c.get('client').name}）`, clock.now(), notify));
    } catch (err) {
      if (err instanceof UserError) return bad(c, err.message);
      throw err;
    }
  });
  app.post('/stock', async (c) => {
    const input = await parse(c, stockIntakeInput);
    if (!input.ok) return bad(c, input.message);
    try {
      const result = await intakeStock(db, input.value, c.get('client'), clock.now(), notify);
      return result.applied
        ? c.json(result)
        : c.json({ error: '誤りのある行があるため何も取り込んでいません。', ...result }, 400);
    } catch (err) {
      if (err instanceof UserError) return bad(c, err.message);
      throw err;
    }
  });
  return app;
}
