import { useState, type FormEvent } from 'react';
import {
  CONNECTOR_STATE_LABELS,
  type ApiChannelId,
  type ConnectorAccount,
} from '../../../src-shared/console/channels.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';

export interface ConnectorDraft {
  id?: number;
  channel: ApiChannelId;
  name: string;
  storeId: string;
  interval: string;
  enabled: boolean;
  settings: string;
  secrets: Record<string, string>;
}

export const EMPTY_CONNECTOR_DRAFT: ConnectorDraft = {
  channel: 'rakuten',
  name: '',
  storeId: '',
  interval: '10',
  enabled: true,
  settings: '{}',
  secrets: {},
};

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

/** The connector accounts and their latest runs, the form's draft, and running / changing / saving an account. */
export function useConnectors() {
  const accounts = useLoad(() => call('console:connectors', {}), []);
  const runs = useLoad(() => call('console:connectorRuns', { limit: 30 }), []);
  const [draft, setDraft] = useState<ConnectorDraft>(EMPTY_CONNECTOR_DRAFT);
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
      setDraft(EMPTY_CONNECTOR_DRAFT);
      return `${saved.name} を保存しました。`;
    });
  };
  return { accounts, runs, draft, setDraft, error, message, edit, run, save };
}
