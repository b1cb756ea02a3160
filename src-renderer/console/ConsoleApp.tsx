import { useEffect, useState } from 'react';
import type { ConsoleAccount } from '../../src-shared/console/accounts.js';
import { CONSOLE_ROLE_LABELS } from '../../src-shared/console/accounts.js';
import { call, useSession } from './api.js';
import { CONSOLE_PAGES, type ConsolePageId } from './pages.js';
import { SignIn } from './SignIn.js';

/** The head-office console: sign-in, then one page per tab (店舗, 端末, 取込 …). */
export function ConsoleApp() {
  const [account, setAccount] = useState<ConsoleAccount | null | undefined>(undefined);
  const [page, setPage] = useState<ConsolePageId>('stores');
  const signedIn = (session: { account: ConsoleAccount; csrf: string }) => {
    useSession(session.csrf, () => setAccount(null));
    setAccount(session.account);
  };
  useEffect(() => {
    call('console:session', {}).then(signedIn, () => setAccount(null));
  }, []);
  if (account === undefined) return null;
  if (account === null) return <SignIn onSignedIn={signedIn} />;
  const current = CONSOLE_PAGES.find((p) => p.id === page) ?? CONSOLE_PAGES[0]!;
  const Page = current.Page;
  return (
    <div className="app console">
      <header className="app-head">
        <h1>本部コンソール</h1>
        <span className="who">
          {account.displayName}（{account.login}・{CONSOLE_ROLE_LABELS[account.role]}）
          <button
            type="button"
            className="head-button"
            onClick={() => void call('console:signOut', {}).finally(() => setAccount(null))}
          >
            サインアウト
          </button>
        </span>
      </header>
      <nav className="tabs" role="tablist" aria-label="コンソールのページ">
        {CONSOLE_PAGES.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={p.id === current.id}
            onClick={() => setPage(p.id)}
          >
            {p.label}
          </button>
        ))}
      </nav>
      <main className="console-page" role="tabpanel" aria-label={current.label}>
        <Page canWrite={account.role === 'admin'} account={account} />
      </main>
    </div>
  );
}
