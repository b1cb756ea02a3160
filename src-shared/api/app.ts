import { z } from 'zod';
import { method } from './define.js';

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  storeId: string | null;
  storeName: string;
  operator: string;
  orderCount: number;
}

export interface StoreInfo {
  id: string;
  name: string;
  isHeadOffice: boolean;
}

export const appApi = {
  'app:info': method<AppInfo>()(z.object({})),
  'stores:list': method<StoreInfo[]>()(z.object({})),
  /** Loads the demo data set into an empty database (first start). */
  'demo:load': method<{ orders: number }>()(
    z.object({ orders: z.number().int().min(1).max(100_000).default(2000) }),
  ),
};
