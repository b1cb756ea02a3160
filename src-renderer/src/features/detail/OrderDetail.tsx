import { useEffect, useMemo, useRef, useState } from 'react';
import { POSTAL_WARNING, type EditableOrderDetail } from '../../../../src-shared/api/detail.js';
import { AMOUNTS_UNKNOWN, formatYen } from '../../../../src-shared/domain/money.js';
import { STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { CloseButton, Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { DeliveryWishFields } from './DeliveryWishFields.js';
import { ShipToFields } from './ShipToFields.js';
import { DetailFacts } from './DetailFacts.js';
import { DetailHistory } from './DetailHistory.js';
import { amountsStillUnknown, checkDraft, draftOf, MONEY_LABELS, parseYen, sameDraft, type Draft } from './draft.js';
import { DETAIL_SECTIONS } from './sections.js';

/**
 * F12 注文詳細 (S16): the order under the cursor. Unit prices, discount, fees, both comments
 * and the sub-status are editable; totals follow as you type and are recomputed by the
 * main process on save, which records every changed field in the history.
 */
export function OrderDetail({ orderId }: { orderId: number }) {
  const screen = useScreen();
  const { masters } = screen;
  const [detail, setDetail] = useState<EditableOrderDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [postalWarning, setPostalWarning] = useState<string | null>(null);

  const show = (next: EditableOrderDetail) => {
    setDetail(next);
    setDraft(draftOf(next));
  };
  useEffect(() => {
    invoke('detail:get', { id: orderId }).then(show, (e: Error) => {
      screen.notify('error', e.message);
      screen.closeDialog();
    });
    // Load once per order; the screen object changes on every render.
  }, [orderId]);

  const checked = useMemo(() => (detail && draft ? checkDraft(detail, draft) : null), [detail, draft]);
  // Once the order is in: the focus on サブステータス, the field a clerk changes most.
  const form = useRef<HTMLFormElement>(null);
  const loaded = detail !== null;
  useEffect(() => {
    if (loaded) form.current?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }, [loaded]);
  if (!detail || !draft || !checked) {
    // The frame at once, so that Escape and the focus work while the order loads.
    return (
      <Dialog title="注文詳細" onClose={screen.closeDialog} wide>
        <p role="status">読み込んでいます…</p>
      </Dialog>
    );
  }
  const { order } = detail;
  const dirty = !sameDraft(draft, draftOf(detail));
  const moneyLocked = order.status === 'shipped' || order.status === 'cancelled';
  const feesLocked = moneyLocked || detail.bundle !== null;
  const unknown = amountsStillUnknown(detail, draft);
  const yen = (value: number | null) => (unknown ? AMOUNTS_UNKNOWN : value === null ? '—' : formatYen(value));
  const subStatuses = masters.subStatuses.filter(
    (s) => s.mainStatus === order.status && (!s.retired || s.id === order.subStatusId),
  );
  const edit = (patch: Partial<Draft>) => {
    setServerError(null);
    setPostalWarning(null);
    setDraft({ ...draft, ...patch });
  };

  /** Saves the edits; true once they are saved (false: an error is shown, the edits stay). */
  const save = async (acceptPostalWarning = false): Promise<boolean> => {
    if (!dirty) return true;
    if (!checked.input || saving) return false;
    setSaving(true);
    setPostalWarning(null);
    try {
      const saved = await invoke('detail:save', { ...checked.input, acceptPostalWarning });
      show(saved.detail);
      screen.notify(
        'info',
        saved.changes.length
          ? `注文 ${order.orderNo} の${saved.changes.length}項目を変更しました。`
          : '変更はありませんでした。',
      );
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === POSTAL_WARNING) setPostalWarning((e as Error).message);
      else setServerError((e as Error).message);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const errors = serverError ? [serverError, ...checked.errors] : checked.errors;
  const footer = (
    <>
      <span className="form-hint">Ctrl+Enter で保存</span>
      <button type="button" onClick={() => void save()} disabled={!dirty || !checked.input || saving}>
        保存
      </button>
      <CloseButton />
    </>
  );
  return (
    <Dialog
      title={`注文詳細 ${order.orderNo}`}
      onClose={screen.closeDialog}
      wide
      footer={footer}
      unsaved={{ dirty, save }}
    >
      <form
        ref={form}
        className="detail-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.ctrlKey) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <DetailFacts detail={detail} masters={masters} />
        <table className="items" aria-label="注文商品">
          <thead>
            <tr>
              <th>SKU</th>
              <th>商品名</th>
              <th>数量</th>
              <th>単価</th>
              <th>金額</th>
              <th>棚番</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => {
              const typed = draft.unitPrices[item.lineNo] ?? '';
              const price = parseYen(typed);
              return (
                <tr key={item.lineNo}>
                  <td>{item.sku}</td>
                  <td>{item.title}</td>
                  <td className="num">{item.quantity}</td>
                  <td>
                    <input
                      className="yen"
                      inputMode="numeric"
                      aria-label={`単価 ${item.lineNo}行目 ${item.sku}`}
                      value={typed}
                      readOnly={moneyLocked}
                      onChange={(e) => edit({ unitPrices: { ...draft.unitPrices, [item.lineNo]: e.target.value } })}
                    />
                  </td>
                  <td className="num">{yen(price === null ? null : price * item.quantity)}</td>
                  <td>{item.location}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <dl className="facts money">
          <dt>小計</dt>
          <dd data-testid="detail-subtotal">{yen(checked.subtotal)}</dd>
          {(Object.keys(MONEY_LABELS) as (keyof typeof MONEY_LABELS)[]).map((key) => (
            <MoneyField
              key={key}
              label={MONEY_LABELS[key]}
              value={draft[key]}
              readOnly={key === 'discount' ? moneyLocked : feesLocked}
              onChange={(value) => edit({ [key]: value })}
            />
          ))}
          <dt>合計</dt>
          <dd data-testid="detail-total">{yen(checked.total)}</dd>
        </dl>
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
        {moneyLocked ? (
          <p className="form-hint">「{STATUS_LABELS[order.status]}」の注文の金額は変更できません。</p>
        ) : null}
        {!moneyLocked && detail.bundle ? (
          <p className="form-hint">同梱中のため送料・代引手数料は変更できません（F10 同梱設定で解除できます）。</p>
        ) : null}
        <ShipToFields
          shipTo={draft.shipTo}
          readOnly={order.piiPurgedAt !== null}
          onChange={(shipTo) => edit({ shipTo })}
        />
        {postalWarning ? (
          <div className="form-warning" role="alert" aria-label="郵便番号の確認">
            <p>{postalWarning}</p>
            <p>郵便番号と住所を確かめてください。このままでよければ「このまま保存」を押してください。</p>
            <button type="button" onClick={() => void save(true)} disabled={saving}>
              このまま保存
            </button>
            <button type="button" onClick={() => setPostalWarning(null)}>
              戻る
            </button>
          </div>
        ) : null}
        <DeliveryWishFields draft={draft} onChange={edit} />
        <div className="form detail-texts">
          <label>
            サブステータス
            <select
              data-initial-focus
              value={draft.subStatusId ?? ''}
              onChange={(e) => edit({ subStatusId: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">（なし）</option>
              {subStatuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.retired ? '（使用終了）' : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            注文時コメント
            <textarea
              rows={2}
              value={draft.orderComment}
              maxLength={2000}
              onChange={(e) => edit({ orderComment: e.target.value })}
            />
          </label>
          <label>
            受注後コメント
            <textarea
              rows={2}
              value={draft.staffComment}
              maxLength={2000}
              onChange={(e) => edit({ staffComment: e.target.value })}
            />
          </label>
        </div>
      </form>
      <h3>履歴</h3>
      <DetailHistory history={detail.history} masters={masters} />
      {DETAIL_SECTIONS.map(({ id, title, Component }) => (
        <div key={id} className="detail-section">
          <h3>{title}</h3>
          <Component orderId={order.id} />
        </div>
      ))}
    </Dialog>
  );
}

function MoneyField(props: { label: string; value: string; readOnly: boolean; onChange(value: string): void }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        <input
          className="yen"
          inputMode="numeric"
          aria-label={props.label}
          value={props.value}
          readOnly={props.readOnly}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </dd>
    </>
  );
}
