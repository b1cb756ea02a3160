import { AMOUNTS_UNKNOWN } from '../../../../src-shared/domain/money.js';
import { STATUS_LABELS, type MainStatus } from '../../../../src-shared/domain/status.js';

interface Props {
  errors: string[];
  /** The order's amounts are not known yet (a file without them). */
  unknown: boolean;
  /** The order's status when it forbids changing the amounts (shipped or cancelled), else null. */
  lockedBy: MainStatus | null;
  bundled: boolean;
}

/** Under the amounts: what is wrong with the input, and why an amount is unknown or cannot change. */
export function DetailMoneyNotes({ errors, unknown, lockedBy, bundled }: Props) {
  return (
    <>
      {errors.length > 0 ? (
        <ul className="form-error" role="alert">
          {errors.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {unknown ? (
        <p className="form-hint">
          取り込んだファイルに金額がないため{AMOUNTS_UNKNOWN}
          です。金額のある注文ファイルを取り込むか、販路から注文を取得すると金額が入ります。単価を入力して保存しても金額が入ります。
        </p>
      ) : null}
      {lockedBy ? <p className="form-hint">「{STATUS_LABELS[lockedBy]}」の注文の金額は変更できません。</p> : null}
      {!lockedBy && bundled ? (
        <p className="form-hint">同梱中のため送料・代引手数料は変更できません（F10 同梱設定で解除できます）。</p>
      ) : null}
    </>
  );
}
