import type { Handlers } from '../core/dispatch.js';

export const mailHandlers: Handlers<
  | 'mail:send'
  | 'mail:retry'
  | 'mail:confirmSent'
  | 'mail:log'
  | 'mail:logEntry'
  | 'mail:orderMails'
  | 'mail:markShippingSent'
> = {
  'mail:send': ({ orderIds, purpose }, ctx) => ctx.services.mailDesk.send(orderIds, purpose),
  'mail:retry': ({ logIds }, ctx) => ctx.services.mailDesk.retry(logIds),
  'mail:confirmSent': ({ id }, ctx) => ctx.services.mailDesk.confirmSent(id),
  'mail:log': (input, ctx) => ctx.services.mailDesk.log(input),
  'mail:logEntry': ({ id }, ctx) => ctx.services.mailDesk.entry(id),
  'mail:orderMails': ({ orderId }, ctx) => ctx.services.mailDesk.orderMails(orderId),
  'mail:markShippingSent': ({ orderIds }, ctx) => ctx.services.mailDesk.markShippingSent(orderIds),
};
