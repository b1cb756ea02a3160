import { useState } from 'react';
import type { ConsoleClient, IssuedClient } from '../../../src-shared/console/fleet.js';
import { FormError } from '../../src/components/FormError.js';
import { RowsTable } from '../../src/components/RowsTable.js';
import { call } from '../api.js';
import type { PageProps } from '../page-props.js';
import { useLoad } from '../use-load.js';
import { clientColumns } from './clientColumns.js';
import { IssueForm } from './IssueForm.js';
import { IssuedDialog } from './IssuedDialog.js';
import { MinVersionForm } from './MinVersionForm.js';

/**
 * 端末: store PCs and connector clients — state, versions, sync, and what each PC reports
 * about itself; 管理者 issues tokens (shown once, with a QR code) and revokes them.
 */
export function ClientsPage({ canWrite }: PageProps) {
  const clients = useLoad(() => call('console:clients', {}), []);
  const [issued, setIssued] = useState<(IssuedClient & { name: string }) | null>(null);
  const [error, setError] = useState('');
  const revoke = (c: ConsoleClient) => {
    if (!window.confirm(`「${c.name}」のトークンを無効にします。この端末は同期できなくなります。よろしいですか？`))
      return;
    call('console:revokeClient', { id: c.id }).then(clients.reload, (e: Error) => setError(e.message));
  };
  return (
    <>
      <FormError message={clients.error || error} />
      <RowsTable
        label="端末"
        rows={clients.value ?? []}
        rowKey={(c) => c.id}
        columns={clientColumns(canWrite, revoke)}
      />
      {canWrite ? (
        <>
          <IssueForm onIssued={(c) => (setIssued(c), clients.reload())} />
          <MinVersionForm onSaved={clients.reload} />
        </>
      ) : null}
      {issued ? <IssuedDialog issued={issued} onClose={() => setIssued(null)} /> : null}
    </>
  );
}
