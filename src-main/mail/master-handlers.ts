import type { Handlers } from '../core/dispatch.js';

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
  'mail:saveTemplate': (input, ctx) => ctx.services.mailMaster.saveTemplate(input),
  'mail:resetTemplate': ({ kind }, ctx) => ctx.services.mail.templates.reset(kind),
  'mail:preview': (input, ctx) => ctx.services.mailMaster.preview(input),
  'mail:settings': (_input, ctx) => ctx.services.mailMaster.settings(),
  'mail:saveSettings': (input, ctx) => ctx.services.mailMaster.saveSettings(input),
  'mail:testSend': ({ to }, ctx) => ctx.services.mailMaster.testSend(to),
  'mail:reminderDays': (_input, ctx) => ctx.services.mailMaster.reminderDays(),
  'mail:policy': (_input, ctx) => ctx.services.mailMaster.policy(),
  'mail:savePolicy': (input, ctx) => ctx.services.mailMaster.savePolicy(input),
  'mail:saveReminderDays': (input, ctx) => ctx.services.mailMaster.saveReminderDays(input),
};
