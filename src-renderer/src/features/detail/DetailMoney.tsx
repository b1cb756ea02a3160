import { MONEY_LABELS, type Draft } from './draft.js';

type MoneyKey = keyof typeof MONEY_LABELS;

interface Props {
  draft: Pick<Draft, MoneyKey>;
  subtotal: number | null;
  total: number | null;
  moneyLocked: boolean;
  feesLocked: boolean;
  yen(value: number | null): string;
  onChange(change: Partial<Pick<Draft, MoneyKey>>): void;
}

/** 小計, the editable 値引 / 送料 / 代引手数料 and the 合計 that follows them. */
export function DetailMoney({ draft, subtotal, total, moneyLocked, feesLocked, yen, onChange }: Props) {
  return (
    <dl className="facts money">
      <dt>小計</dt>
      <dd data-testid="detail-subtotal">{yen(subtotal)}</dd>
      {(Object.keys(MONEY_LABELS) as MoneyKey[]).map((key) => (
        <MoneyField
          key={key}
          label={MONEY_LABELS[key]}
          value={draft[key]}
          readOnly={key === 'discount' ? moneyLocked : feesLocked}
          onChange={(value) => onChange({ [key]: value })}
        />
      ))}
      <dt>合計</dt>
      <dd data-testid="detail-total">{yen(total)}</dd>
    </dl>
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
