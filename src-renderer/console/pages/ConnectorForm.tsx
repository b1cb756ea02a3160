import type { FormEvent } from 'react';
import { API_CHANNEL_IDS, CREDENTIAL_FIELDS, type ApiChannelId } from '../../../src-shared/console/channels.js';
import { StoreSelect } from '../StoreSelect.js';
import { EMPTY_CONNECTOR_DRAFT, type ConnectorDraft } from './useConnectors.js';
import { ChannelOptions } from '../../src/components/ChannelOptions.js';

interface Props {
  draft: ConnectorDraft;
  onChange(draft: ConnectorDraft): void;
  onSubmit(e: FormEvent): void;
}

/** チャネル連携の登録・変更: channel, name, store, interval, settings and credentials (entered, never shown back). */
export function ConnectorForm({ draft, onChange, onSubmit }: Props) {
  return (
    <form className="page-tools" onSubmit={onSubmit} aria-label="チャネル連携の登録・変更">
      <label>
        チャネル
        <select
          value={draft.channel}
          disabled={draft.id !== undefined}
          onChange={(e) => onChange({ ...draft, channel: e.target.value as ApiChannelId, secrets: {} })}
        >
          <ChannelOptions channels={API_CHANNEL_IDS} />
        </select>
      </label>
      <label>
        名前
        <input value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
      </label>
      <label>
        出荷店舗
        <StoreSelect value={draft.storeId} onChange={(storeId) => onChange({ ...draft, storeId })}>
          <option value="">未指定（本部で割り当て）</option>
        </StoreSelect>
      </label>
      <label>
        取得間隔（分）
        <input
          inputMode="numeric"
          value={draft.interval}
          onChange={(e) => onChange({ ...draft, interval: e.target.value })}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => onChange({ ...draft, enabled: e.target.checked })}
        />
        有効
      </label>
      <label>
        詳細設定（JSON：接続先・ストアアカウントなど）
        <textarea rows={4} value={draft.settings} onChange={(e) => onChange({ ...draft, settings: e.target.value })} />
      </label>
      {CREDENTIAL_FIELDS[draft.channel].map((f) => (
        <label key={f.key}>
          {f.label}
          <input
            type="password"
            autoComplete="off"
            placeholder={draft.id !== undefined ? '変更するときだけ' : ''}
            value={draft.secrets[f.key] ?? ''}
            onChange={(e) => onChange({ ...draft, secrets: { ...draft.secrets, [f.key]: e.target.value } })}
          />
        </label>
      ))}
      <button type="submit">{draft.id !== undefined ? '保存' : '追加'}</button>
      {draft.id !== undefined ? (
        <button type="button" onClick={() => onChange(EMPTY_CONNECTOR_DRAFT)}>
          新規登録に戻る
        </button>
      ) : null}
    </form>
  );
}
