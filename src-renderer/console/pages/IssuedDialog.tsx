import { toSVG } from 'bwip-js/browser';
import { useMemo, useState } from 'react';
import type { IssuedClient } from '../../../src-shared/console/fleet.js';
import { Dialog } from '../../src/components/Dialog.js';

/**
 * The new token, shown this once: the setup string to paste into 設定 → 同期 on the PC, and
 * the same string as a QR code for a 2D scanner.
 */
export function IssuedDialog({ issued, onClose }: { issued: IssuedClient & { name: string }; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const qr = useMemo(() => {
    // eclevel is BWIPP's own QR option, passed through as given: bwip-js's types do not list it.
    const options = { bcid: 'qrcode', text: issued.setup, scale: 3, eclevel: 'M' };
    return toSVG(options);
  }, [issued.setup]);
  const copy = () => void navigator.clipboard?.writeText(issued.setup).then(() => setCopied(true));
  return (
    <Dialog
      title="トークンを発行しました"
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          閉じる
        </button>
      }
    >
      <p>
        「{issued.name}」の設定文字列です。<strong>この画面を閉じると二度と表示されません。</strong>
        PC の 設定 → 同期 の「中央サーバーのアドレス」に貼り付けるか、QR コードを読み取ってください。
      </p>
      <p className="setup-string" aria-label="設定文字列">
        {issued.setup}
      </p>
      <button type="button" onClick={copy}>
        {copied ? 'コピーしました' : '設定文字列をコピー'}
      </button>
      <div className="qr" role="img" aria-label="設定文字列の QR コード" dangerouslySetInnerHTML={{ __html: qr }} />
      <p className="muted">
        トークンだけ：<span aria-label="トークン">{issued.token}</span>
      </p>
    </Dialog>
  );
}
