import net from 'node:net';

export type Fault =
  /** The request never reaches the server. */
  | 'before'
  /** Half of the request's first chunk reaches the server, then the line goes dead. */
  | 'during-request'
  /** The server gets the whole request; half of its answer's first chunk comes back. */
  | 'during-response'
  /** The server gets and answers the whole request; nothing of the answer comes back. */
  | 'after';

/**
 * A TCP proxy in front of the central server that a test can cut: on the next request whose
 * first line contains `match` (e.g. "POST /sync/push"), it drops the connection at the
 * chosen moment. `down()` refuses everything until `up()`.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private armed: { match: string; fault: Fault; times: number } | null = null;
  private refusing = false;
  private readonly watches = new Set<{ match: string; seen(): void }>();
  port = 0;
  /** How many faults fired. */
  fired = 0;

  constructor(private readonly targetPort: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  /** Resolves when the next request whose first chunk contains `match` passes through. */
  seen(match: string): Promise<void> {
    return new Promise((resolve) => {
      const watch = {
        match,
        seen: () => {
          this.watches.delete(watch);
          resolve();
        },
      };
      this.watches.add(watch);
    });
  }

  /** The next `times` matching requests meet the fault. */
  arm(match: string, fault: Fault, times = 1): void {
    this.armed = { match, fault, times };
  }

  down(): void {
    this.refusing = true;
    for (const s of this.sockets) s.destroy();
  }

  up(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private connect(client: net.Socket): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    this.sockets.add(client);
    this.sockets.add(upstream);
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      this.sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    client.on('error', kill);
    upstream.on('error', kill);
    let pending: Fault | null = null;
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      for (const watch of this.watches) if (text.includes(watch.match)) watch.seen();
      const armed = this.armed;
      if (armed && text.includes(armed.match)) {
        armed.times -= 1;
        if (armed.times === 0) this.armed = null;
        this.fired += 1;
        if (armed.fault === 'before') return kill();
        if (armed.fault === 'during-request') {
          // The half arrives, then the end of the stream (in that order, on the same socket).
          upstream.end(chunk.subarray(0, Math.floor(chunk.length / 2)));
          client.destroy();
          return;
        }
        pending = armed.fault;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pending === 'after') return kill();
      if (pending === 'during-response') {
        client.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => kill());
        pending = null;
        return;
      }
      client.write(chunk);
    });
  }
}
