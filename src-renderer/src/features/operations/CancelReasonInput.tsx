const COMMON_REASONS = [
  'お客様都合によるキャンセル',
  '欠品のためキャンセル',
  '重複注文',
  '入金なし（期限切れ）',
  'いたずら注文',
];

/** 取消理由: free text, with the usual reasons offered as the clerk types (注文取消, E11 to キャンセル済). */
export function CancelReasonInput(props: { value: string; autoFocus?: boolean; onChange(value: string): void }) {
  return (
    <>
      <input
        list="cancel-reasons"
        value={props.value}
        maxLength={500}
        autoFocus={props.autoFocus}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id="cancel-reasons">
        {COMMON_REASONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </>
  );
}
