import { TestSmtpServer } from '../helpers/smtp.js';
import { describeCrash } from './crash-suite.js';

describeCrash('mail-batch', 'mail batch of 300 status mails to a real SMTP server', {
  rounds: 4,
  env: async () => {
    const smtp = await TestSmtpServer.start();
    return { smtp, close: () => smtp.close() };
  },
});
