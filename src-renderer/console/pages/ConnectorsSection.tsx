import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { connectorColumns } from './connectorColumns.js';
import { ConnectorForm } from './ConnectorForm.js';
import { ConnectorRunsTable } from './ConnectorRunsTable.js';
import { useConnectors } from './useConnectors.js';

/**
 * 取込's channel connectors: each account's state, last and next run and notices; a
 * 管理者 adds or changes an account (settings, credentials entered but never shown back)
 * and runs it now. Below, the latest runs: what each fetched and created, and how it ended.
 */
export function ConnectorsSection({ canWrite }: { canWrite: boolean }) {
  const { accounts, runs, draft, setDraft, error, message, edit, run, save } = useConnectors();
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
        columns={connectorColumns(canWrite, run, edit)}
      />
      {canWrite ? <ConnectorForm draft={draft} onChange={setDraft} onSubmit={save} /> : null}
      <ConnectorRunsTable runs={runs.value ?? []} />
    </section>
  );
}
