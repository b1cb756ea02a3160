import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

/** What the server does with one message (counted from 1, over the server's life). */
export type Verdict = 'accept' | 'reject' | 'drop';

export interface TestSmtpOptions {
  /** Decides per message; 'drop' closes the connection before any reply. */
  verdict?: (n: number, mail: ReceivedMail) => Verdict;
  /** Recipients the server refuses at RCPT TO (550). */
  refuseRecipient?: (address: string) => boolean;
  auth?: { user: string; pass: string };
}

/**
 * A real SMTP server (npm smtp-server) on loopback, in the test process: what arrives is
 * kept raw and parsed with mailparser, as a buyer's mail client would read it.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Messages the server saw in full, whatever it answered (what a buyer might get). */
  readonly seen: ReceivedMail[] = [];
  /** Every login tried here, with the password as sent (a rogue server's loot). */
  readonly logins: { user: string; pass: string }[] = [];
  /** Connections made to this server. */
  connections = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
    let self: TestSmtpServer | null = null;
    const server = new SMTPServer({
      logger: false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      size: 10 * 1024 * 1024,
      onAuth(auth, _session, callback) {
        self!.logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
        if (auth.username === options.auth?.user && auth.password === options.auth?.pass)
          return callback(null, { user: auth.username });
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        if (options.refuseRecipient?.(address.address)) {
          return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => self!.arrived(session, Buffer.concat(chunks), options.verdict, callback));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    self = new TestSmtpServer(server, port);
    const sockets = self.sockets;
    server.server.on('connection', (socket: Socket) => {
      self!.connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return self;
  }

  private arrived(
    session: SMTPServerSession,
    raw: Buffer,
    verdict: TestSmtpOptions['verdict'],
    callback: (err?: Error | null) => void,
  ): void {
    const mail: ReceivedMail = {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((r) => r.address),
      raw,
    };
    this.seen.push(mail);
    const what = verdict?.(this.seen.length, mail) ?? 'accept';
    if (what === 'drop') {
      for (const socket of this.sockets) if (socket.remotePort === session.remotePort) socket.destroy();
      return;
    }
    if (what === 'reject')
      return callback(Object.assign(new Error('4.3.0 Temporary failure, try again later'), { responseCode: 451 }));
    this.received.push(mail);
    callback();
  }

  parse(mail: ReceivedMail): Promise<ParsedMail> {
    return simpleParser(mail.raw);
  }

  /** Message-ID header of each accepted mail, as the server got it. */
  messageIds(list: ReceivedMail[] = this.received): string[] {
    return list.map((m) => /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw.toString('latin1'))?.[1] ?? '');
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
