import { useState, type FormEvent } from 'react';
import {
  API_CHANNEL_IDS,
  CONNECTOR_STATE_LABELS,
  CREDENTIAL_FIELDS,
  type ApiChannelId,
  type ConnectorAccount,
} from '../../../src-shared/console/channels.js';
import { CHANNEL_LABELS } from '../../../src-shared/domain/channels.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { formatJst } from '../../src/format.js';
import { call } from '../api.js';
import { StoreSelect } from '../StoreSelect.js';
import { useLoad } from '../use-load.js';

interface Draft {
  id?: number;
  channel: ApiChannelId;
  name: string;
  storeId: string;
  interval: string;
  enabled: boolean;
  settings: string;
  secrets: Record<string, string>;
}

const EMPTY: Draft = {
  channel: 'rakuten',
  name: '',
  storeId: '',
  interval: '10',
  enabled: true,
  settings: '{}',
  secrets: {},
};

const when = (at: string | null) => (at ? formatJst(at) : '—');

function stateText(a: ConnectorAccount): string {
  return a.enabled ? CONNECTOR_STATE_LABELS[a.state] : '無効';
}

function registered(a: ConnectorAccount): string {
  const names = CREDENTIAL_FIELDS[a.channel].filter((f) => a.credentialsRegistered.includes(f.key)).map((f) => f.label);
  return names.length ? `登録済（${names.join('・')}）` : '未登録';
}

/** Reads the settings text as a JSON object, or says in Japanese why not. */
function settingsOf(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch {
    throw new Error('詳細設定は JSON で入力してください（例: {"sellerId": "mystore"}）。');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('詳細設定は { } で囲んだ JSON で入力してください。');
  return value as Record<string, unknown>;
}

/**
 * 取込's channel connectors: each account's state, last and next run and notices; a
 * 管理者 adds or changes an account (settings, credentials entered but never shown back)
 * and runs it now. Below, the latest runs: what each fetched and created, and how it ended.
 */
export function ConnectorsSection({ canWrite }: { canWrite: boolean }) {
  const accounts = useLoad(() => call('console:connectors', {}), []);
  const runs = useLoad(() => call('console:connectorRuns', { limit: 30 }), []);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const reload = () => (accounts.reload(), runs.reload());
  const act = (work: () => Promise<string>) => {
    setError('');
    setMessage('');
    work().then(
      (done) => (setMessage(done), reload()),
      (e: Error) => setError(e.message),
    );
  };
  const edit = (a: ConnectorAccount) =>
    setDraft({
      id: a.id,
      channel: a.channel,
      name: a.name,
      storeId: a.storeId ?? '',
      interval: String(a.intervalMinutes),
      enabled: a.enabled,
      settings: JSON.stringify(a.settings, null, 2),
      secrets: {},
    });
  const run = (a: ConnectorAccount) =>
    act(async () => {
      const r = await call('console:runConnector', { id: a.id });
      return r
        ? `${a.name}: 新規 ${r.created}件・更新 ${r.changed}件・出荷通知 ${r.noticesSent}件送信（${CONNECTOR_STATE_LABELS[r.state]}）`
        : `${a.name} を実行しました。`;
    });
  const save = (e: FormEvent) => {
    e.preventDefault();
    act(async () => {
      const secrets = Object.fromEntries(Object.entries(draft.secrets).filter(([, v]) => v.trim() !== ''));
      const saved = await call('console:saveConnector', {
        id: draft.id,
        channel: draft.channel,
        name: draft.name,
        storeId: draft.storeId || null,
        intervalMinutes: Number(draft.interval),
        enabled: draft.enabled,
        settings: settingsOf(draft.settings),
        credentials: Object.keys(secrets).length ? secrets : undefined,
      });
      setDraft(EMPTY);
      return `${saved.name} を保存しました。`;
    });
  };
  return (
    <section className="console-section" aria-label="チャネル連携">
      <h2>チャネル連携（API で受注を取得）</h2>
      <FormError message={accounts.error || runs.error || error} />
      {message ? <p role="status">{message}</p> : null}
      {accounts.value?.length === 0 ? <p>登録されたチャネル連携はありません。</p> : null}
      <RowsTable
        label="チャネル連携"
        rows={accounts.value ?? []}
        rowKey={(a) => a.id}
        columns={[
          { header: '名前', cell: (a) => a.name },
          { header: 'チャネル', cell: (a) => a.channelLabel },
          { header: '出荷店舗', cell: (a) => a.storeId ?? '未指定' },
          { header: '取得間隔', cell: (a) => `${a.intervalMinutes}分` },
          { header: '状態', cell: stateText },
          { header: 'メッセージ', cell: (a) => a.message || '—' },
          { header: '最終実行', cell: (a) => when(a.lastRunAt) },
          { header: '次回実行', cell: (a) => when(a.nextRunAt) },
          {
            header: '出荷通知',
            cell: (a) => `未送信 ${a.notices.pending}・送信済 ${a.notices.sent}・エラー ${a.notices.refused}`,
          },
          { header: '認証情報', cell: registered },
          {
            header: '操作',
            cell: (a) =>
              canWrite ? (
                <>
                  <button type="button" onClick={() => run(a)} aria-label={`${a.name} を今すぐ実行`}>
                    今すぐ実行
                  </button>
                  <button type="button" onClick={() => edit(a)} aria-label={`${a.name} を編集`}>
                    編集
                  </button>
                </>
              ) : null,
          },
        ]}
      />
      {canWrite ? (
        <form className="page-tools" onSubmit={save} aria-label="チャネル連携の登録・変更">
          <label>
            チャネル
            <select
              value={draft.channel}
              disabled={draft.id !== undefined}
              onChange={(e) => setDraft({ ...draft, channel: e.target.value as ApiChannelId, secrets: {} })}
            >
              {API_CHANNEL_IDS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label>
            名前
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          <label>
            出荷店舗
            <StoreSelect value={draft.storeId} onChange={(storeId) => setDraft({ ...draft, storeId })}>
              <option value="">未指定（本部で割り当て）</option>
            </StoreSelect>
          </label>
          <label>
            取得間隔（分）
            <input
              inputMode="numeric"
              value={draft.interval}
              onChange={(e) => setDraft({ ...draft, interval: e.target.value })}
            />
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
            />
            有効
          </label>
          <label>
            詳細設定（JSON：接続先・ストアアカウントなど）
            <textarea
              rows={4}
              value={draft.settings}
              onChange={(e) => setDraft({ ...draft, settings: e.target.value })}
            />
          </label>
          {CREDENTIAL_FIELDS[draft.channel].map((f) => (
            <label key={f.key}>
              {f.label}
              <input
                type="password"
                autoComplete="off"
                placeholder={draft.id !== undefined ? '変更するときだけ' : ''}
                value={draft.secrets[f.key] ?? ''}
                onChange={(e) => setDraft({ ...draft, secrets: { ...draft.secrets, [f.key]: e.target.value } })}
              />
            </label>
          ))}
          <button type="submit">{draft.id !== undefined ? '保存' : '追加'}</button>
          {draft.id !== undefined ? (
            <button type="button" onClick={() => setDraft(EMPTY)}>
              新規登録に戻る
            </button>
          ) : null}
        </form>
      ) : null}
      <h2>実行履歴</h2>
      <RowsTable
        label="実行履歴"
        rows={runs.value ?? []}
        rowKey={(r) => r.id}
        columns={[
          { header: '開始', cell: (r) => formatJst(r.startedAt) },
          { header: 'アカウント', cell: (r) => r.accountName ?? '—' },
          { header: '実行', cell: (r) => (r.onDemand ? '手動' : '自動') },
          { header: '取得ページ', cell: (r) => r.pages, num: true },
          { header: '新規', cell: (r) => r.created, num: true },
          { header: '更新', cell: (r) => r.changed, num: true },
          { header: '食い違い', cell: (r) => r.conflicts, num: true },
          { header: '出荷通知', cell: (r) => `送信 ${r.noticesSent}・エラー ${r.noticesRefused}` },
          { header: '結果', cell: (r) => CONNECTOR_STATE_LABELS[r.state] + (r.message ? `：${r.message}` : '') },
        ]}
      />
    </section>
  );
}
