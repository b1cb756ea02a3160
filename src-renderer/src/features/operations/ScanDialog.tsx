import { useRef, useState } from 'react';
import type { ScanOutcome, ScanResult } from '../../../../src-shared/api/operations.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { ScanInput } from '../../components/ScanInput.js';
import { useScreen } from '../../screen/screen-context.js';

const HEADLINES: Record<ScanOutcome, string> = {
  shipped: 'OK 出荷確定',
  already_shipped: '出荷済みです',
  cancelled: 'キャンセル済 — 出荷しないでください',
  wrong_status: '出荷確定できません',
  not_found: '見つかりません',
};

interface Scanned extends ScanResult {
  at: string;
  seq: number;
}

const clock = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * 出荷確定スキャン at the packing table: a barcode scanner types a tracking number or an
 * order number and Enter; the order is confirmed at once, the result is shown large enough
 * to read from arm's length, and the field keeps the focus for the next parcel. Scans that
 * arrive while one is being confirmed wait their turn, so fast scanning loses nothing.
 */
export function ScanDialog() {
  const screen = useScreen();
  const [results, setResults] = useState<Scanned[]>([]);
  // Every scan of this session counts, not only the last rows shown.
  const [shipped, setShipped] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);

  const record = (result: ScanResult) => {
    seq.current += 1;
    const scanned = { ...result, at: clock.format(new Date()), seq: seq.current };
    setResults((list) => [scanned, ...list].slice(0, 30));
    if (result.outcome === 'shipped') setShipped((n) => n + result.applied);
  };

  const scan = (raw: string) => {
    const value = raw.trim();
    if (!value) return;
    queue.current = queue.current.then(() =>
      invoke('operations:scan', { code: value }).then(record, (e: Error) =>
        record({ outcome: 'wrong_status', message: e.message, code: value, orderNos: [], applied: 0 }),
      ),
    );
  };

  const [latest] = results;
  return (
    <Dialog
      title="出荷確定スキャン"
      wide
      onClose={() => {
        screen.closeDialog();
      }}
    >
      <div className="scan" onClick={() => input.current?.focus()}>
        <ScanInput label="送り状番号または注文番号をスキャン" inputRef={input} onScan={scan} />
        <div
          className={`scan-result ${latest?.outcome ?? 'idle'}`}
          role="status"
          aria-live="assertive"
          data-testid="scan-result"
        >
          {latest ? (
            <>
              <div className="scan-headline">{HEADLINES[latest.outcome]}</div>
              <div className="scan-message">{latest.message}</div>
            </>
          ) : (
            <div className="scan-message">スキャンを待っています…</div>
          )}
        </div>
        <p className="scan-count">このスキャンで出荷確定: {shipped.toLocaleString('ja-JP')}件</p>
        <table className="items" aria-label="スキャン履歴">
          <thead>
            <tr>
              <th>時刻</th>
              <th>読取値</th>
              <th>結果</th>
              <th>内容</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.seq} className={`scan-row ${r.outcome}`}>
                <td>{r.at}</td>
                <td>{r.code}</td>
                <td>{HEADLINES[r.outcome]}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
