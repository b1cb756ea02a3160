import { AMOUNTS_UNKNOWN, formatYen } from '../../../../src-shared/domain/money.js';
import { CloseButton, Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { DeliveryWishFields } from './DeliveryWishFields.js';
import { DetailFacts } from './DetailFacts.js';
import { DetailItemsTable } from './DetailItemsTable.js';
import { DetailMoney } from './DetailMoney.js';
import { DetailMoneyNotes } from './DetailMoneyNotes.js';
import { DetailSections } from './DetailSections.js';
import { DetailTexts } from './DetailTexts.js';
import { amountsStillUnknown } from './draft.js';
import { PostalWarning } from './PostalWarning.js';
import { ShipToFields } from './ShipToFields.js';
import { useOrderDetail } from './useOrderDetail.js';

/**
 * F12 注文詳細 (S16): the order under the cursor. Unit prices, discount, fees, both comments
 * and the sub-status are editable; totals follow as you type and are recomputed by the
 * main process on save, which records every changed field in the history.
 */
export function OrderDetail({ orderId }: { orderId: number }) {
  const screen = useScreen();
  const { masters } = screen;
  const { detail, draft, checked, dirty, edit, save, saving, errors, postalWarning, setPostalWarning, formProps } =
    useOrderDetail(orderId, screen);
  if (!detail || !draft || !checked) {
    // The frame at once, so that Escape and the focus work while the order loads.
    return (
      <Dialog title="注文詳細" onClose={screen.closeDialog} wide>
        <p role="status">読み込んでいます…</p>
      </Dialog>
    );
  }
  const { order } = detail;
  const moneyLocked = order.status === 'shipped' || order.status === 'cancelled';
  const unknown = amountsStillUnknown(detail, draft);
  const yen = (value: number | null) => (unknown ? AMOUNTS_UNKNOWN : value === null ? '—' : formatYen(value));
  const subStatuses = masters.subStatuses.filter(
    (s) => s.mainStatus === order.status && (!s.retired || s.id === order.subStatusId),
  );
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
      <form className="detail-form" {...formProps}>
        <DetailFacts detail={detail} masters={masters} />
        <DetailItemsTable
          items={order.items}
          unitPrices={draft.unitPrices}
          readOnly={moneyLocked}
          yen={yen}
          onUnitPrice={(lineNo, typed) => edit({ unitPrices: { ...draft.unitPrices, [lineNo]: typed } })}
        />
        <DetailMoney
          draft={draft}
          subtotal={checked.subtotal}
          total={checked.total}
          moneyLocked={moneyLocked}
          feesLocked={moneyLocked || detail.bundle !== null}
          yen={yen}
          onChange={edit}
        />
        <DetailMoneyNotes
          errors={errors}
          unknown={unknown}
          lockedBy={moneyLocked ? order.status : null}
          bundled={detail.bundle !== null}
        />
        <ShipToFields
          shipTo={draft.shipTo}
          readOnly={order.piiPurgedAt !== null}
          onChange={(shipTo) => edit({ shipTo })}
        />
        {postalWarning ? (
          <PostalWarning
            message={postalWarning}
            saving={saving}
            onSaveAnyway={() => void save(true)}
            onBack={() => setPostalWarning(null)}
          />
        ) : null}
        <DeliveryWishFields draft={draft} onChange={edit} />
        <DetailTexts draft={draft} subStatuses={subStatuses} onChange={edit} />
      </form>
      <DetailSections orderId={order.id} history={detail.history} masters={masters} />
    </Dialog>
  );
}
