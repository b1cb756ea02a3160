import { UserError } from '../../src-shared/api/errors.js';
import {
  MAX_CLOCK_SKEW_MS,
  type HelloResponse,
  type MastersUpload,
  type MastersUploadResponse,
  type PullResponse,
  type PushResponse,
  type WireMaster,
  type WireOp,
} from '../../src-shared/sync/protocol.js';
import { unpackPage, type SentPage } from '../../src-shared/sync/packed-orders.js';
import type { PcReport } from '../../src-shared/console/fleet.js';
import {
  APP_VERSION_HEADER,
  NEXT_PAGE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '../../src-shared/sync/versions.js';
import type { Clock } from '../core/app-context.js';

/** Why a round stopped. 'offline' is the normal state of a disconnected store, not a fault. */
export class SyncError extends UserError {
  constructor(
    message: string,
    readonly kind: 'offline' | 'auth' | 'clock_skew' | 'server' | 'update',
  ) {
    super(message, `sync_${kind}`);
  }
}

const UPDATE_REQUIRED = 'この PC の Chumon は古いため、中央サーバーと同期できません。最新版に更新してください。';

const OFFLINE = '中央サーバーに接続できません。変更はこの PC に保存されており、接続が戻ると自動で送信されます。';

/** The HTTP conversation with the central server. The token goes only into the header. */
export class SyncTransport {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly clock: Clock,
    /** This app's version, named on every request for the server's version handshake. */
    private readonly appVersion: string,
    private readonly timeoutMs = 60_000,
  ) {}

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.token}`,
      [APP_VERSION_HEADER]: this.appVersion,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    };
  }

  /** `onHeaders`: hears a successful answer's headers before its body is read. */
  private async call<T>(
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
    onHeaders?: (headers: Headers) => void,
  ): Promise<T> {
    // Sends and reads the whole answer; null when the line failed on the way.
    const exchange = async (): Promise<{ response: Response; data: unknown } | null> => {
      try {
        const response = await fetch(new URL(route, this.baseUrl), {
          method,
          headers: { ...this.headers(), 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (response.ok) onHeaders?.(response.headers);
        const text = await response.text();
        try {
          return { response, data: JSON.parse(text) as unknown };
        } catch {
          // Not JSON: a cut answer (retry), or an error page from something in between.
          return response.ok ? null : { response, data: {} };
        }
      } catch {
        return null;
      }
    };
    // A kept-alive connection the server had just closed fails at once: one more try on a
    // fresh one. Every request here is safe to repeat (pushes by their op ids).
    const answer = (await exchange()) ?? (await exchange());
    if (!answer) throw new SyncError(OFFLINE, 'offline');
    const { response, data } = answer;
    if (response.status === 401) {
      throw new SyncError(
        '中央サーバーがこの PC のトークンを受け付けません。設定の「同期」で管理者から受け取ったトークンを入れ直してください。',
        'auth',
      );
    }
    if (response.status === 426) {
      throw new SyncError((data as { error?: string }).error ?? UPDATE_REQUIRED, 'update');
    }
    if (response.status === 403) {
      throw new SyncError(`中央サーバーが操作を拒否しました: ${(data as { error?: string }).error ?? ''}`, 'auth');
    }
    if (!response.ok) {
      throw new SyncError(
        `中央サーバーでエラーが発生しました（${response.status}）。しばらくしてから F6 でもう一度お試しください。${(data as { error?: string }).error ?? ''}`,
        'server',
      );
    }
    const serverTime = (data as { serverTime?: string }).serverTime;
    if (serverTime) this.checkClock(serverTime);
    return data as T;
  }

  /** Timestamps of changes come from the PCs: a PC whose clock is off must not sync (DESIGN 6). */
  private checkClock(serverTime: string): void {
    const skew = this.clock.now().getTime() - new Date(serverTime).getTime();
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
      const minutes = Math.round(Math.abs(skew) / 60_000);
      throw new SyncError(
        `この PC の時計が中央サーバーより約${minutes}分${skew > 0 ? '進んで' : '遅れて'}います。PC の日付と時刻を合わせてから F6 を押してください。変更はこの PC に保存されたままです。`,
        'clock_skew',
      );
    }
  }

  /** Who the server says this PC is; a PC too old for the server stops here with the server's words. */
  async hello(): Promise<HelloResponse> {
    const hello = await this.call<HelloResponse>('GET', '/sync/hello');
    if (hello.update) throw new SyncError(hello.update.message, 'update');
    return hello;
  }

  report(report: PcReport): Promise<{ ok: true }> {
    return this.call('POST', '/sync/report', report);
  }

  push(ops: WireOp[]): Promise<PushResponse> {
    return this.call('POST', '/sync/push', { ops });
  }

  /**
   * One page from `cursor`. `copy`: the PC's first copy, whose stock rows need no word of who
   * moved them. `onNextPage` hears, before the body is read, the cursor the next page starts
   * from, when the server names it (NEXT_PAGE_HEADER).
   */
  async pull(
    cursor: number,
    limit: number,
    copy = false,
    onNextPage?: (cursor: number) => void,
  ): Promise<PullResponse> {
    const heard = (headers: Headers) => {
      const next = Number(headers.get(NEXT_PAGE_HEADER) ?? 'NaN');
      if (Number.isSafeInteger(next) && next > cursor) onNextPage?.(next);
    };
    // Packed orders and stock rows: 40% and about half of the bytes of objects (packed-orders.ts,
    // stock-wire.ts); a server that does not know them sends objects.
    const route = `/sync/pull?cursor=${cursor}&limit=${limit}&packed=1&packedStock=1${copy ? '&copy=1' : ''}`;
    const sent = await this.call<SentPage<PullResponse>>('GET', route, undefined, heard);
    return unpackPage(sent);
  }

  /** Every current row of one master kind, whatever its change number. */
  masters(kind: string): Promise<{ masters: WireMaster[] }> {
    return this.call('GET', `/sync/master-rows?kind=${encodeURIComponent(kind)}`);
  }

  uploadMasters(upload: MastersUpload): Promise<MastersUploadResponse> {
    return this.call('POST', '/sync/masters', upload);
  }

  /**
   * Listens to the server's change notices (SSE) until the stream ends or `signal` aborts.
   * Calls `onOpen` once connected and `onChange` for every notice.
   */
  async listen(signal: AbortSignal, onOpen: () => void, onChange: () => void): Promise<void> {
    const response = await fetch(new URL('/sync/events', this.baseUrl), {
      headers: { ...this.headers(), accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || !response.body) throw new SyncError(OFFLINE, response.status === 401 ? 'auth' : 'offline');
    onOpen();
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: change$/m.test(message)) onChange();
      }
    }
  }
}
