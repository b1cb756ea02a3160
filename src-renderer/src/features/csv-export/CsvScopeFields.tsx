import { useScreen } from '../../screen/screen-context.js';
import type { CsvScope } from './useCsvExport.js';

/** 出力する注文: every listed order, or only the checked ones (none checked: not offered). */
export function CsvScopeFields({ scope, onChange }: { scope: CsvScope; onChange: (scope: CsvScope) => void }) {
  const screen = useScreen();
  return (
    <fieldset className="form-group">
      <legend>出力する注文</legend>
      <label className="radio">
        <input type="radio" name="csv-scope" checked={scope === 'list'} onChange={() => onChange('list')} />
        一覧の注文すべて{screen.listTotal !== null ? `（${screen.listTotal.toLocaleString('ja-JP')}件）` : ''}
      </label>
      <label className="radio">
        <input
          type="radio"
          name="csv-scope"
          checked={scope === 'checked'}
          disabled={screen.selection.size === 0}
          onChange={() => onChange('checked')}
        />
        チェックした注文（{screen.selection.size.toLocaleString('ja-JP')}件）
      </label>
    </fieldset>
  );
}
