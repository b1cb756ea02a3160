import type { ComponentType } from 'react';
import type { PageProps } from './page-props.js';
import { AccountsPage } from './pages/AccountsPage.js';
import { ClientsPage } from './pages/ClientsPage.js';
import { IntakePage } from './pages/IntakePage.js';
import { LogsPage } from './pages/LogsPage.js';
import { NoticesPage } from './pages/NoticesPage.js';
import { OrdersPage } from './pages/OrdersPage.js';
import { RefusalsPage } from './pages/RefusalsPage.js';
import { StoresPage } from './pages/StoresPage.js';
import { UpdatesPage } from './pages/UpdatesPage.js';

export type ConsolePageId =
  'stores' | 'clients' | 'intake' | 'notices' | 'refusals' | 'orders' | 'updates' | 'logs' | 'accounts';

/** The console's pages, in tab order. */
export const CONSOLE_PAGES: { id: ConsolePageId; label: string; Page: ComponentType<PageProps> }[] = [
  { id: 'stores', label: '店舗', Page: StoresPage },
  { id: 'clients', label: '端末', Page: ClientsPage },
  { id: 'intake', label: '取込', Page: IntakePage },
  { id: 'notices', label: '出荷通知', Page: NoticesPage },
  { id: 'refusals', label: '同期エラー', Page: RefusalsPage },
  { id: 'orders', label: '受注一覧', Page: OrdersPage },
  { id: 'updates', label: '更新', Page: UpdatesPage },
  { id: 'logs', label: 'ログ', Page: LogsPage },
  { id: 'accounts', label: 'アカウント', Page: AccountsPage },
];
