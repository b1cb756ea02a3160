interface Props {
  message: string;
  saving: boolean;
  onSaveAnyway(): void;
  onBack(): void;
}

/** 郵便番号の確認: the main process doubts the postal code; the clerk checks it or saves as typed. */
export function PostalWarning({ message, saving, onSaveAnyway, onBack }: Props) {
  return (
    <div className="form-warning" role="alert" aria-label="郵便番号の確認">
      <p>{message}</p>
      <p>郵便番号と住所を確かめてください。このままでよければ「このまま保存」を押してください。</p>
      <button type="button" onClick={onSaveAnyway} disabled={saving}>
        このまま保存
      </button>
      <button type="button" onClick={onBack}>
        戻る
      </button>
    </div>
  );
}
