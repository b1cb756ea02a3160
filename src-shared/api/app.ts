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

export interface PaymentMethodInfo {
  code: string;
  name: string;
  needsConfirmation: boolean;
  isCod: boolean;
}

export interface SubStatusInfo {
  id: number;
  mainStatus: string;
  name: string;
  color: string;
  sortOrder: number;
  retired: boolean;
}

/** The small master lists the renderer keeps in memory to show names and colours. */
export interface Masters {
  stores: StoreInfo[];
  paymentMethods: PaymentMethodInfo[];
  subStatuses: SubStatusInfo[];
}

export const appApi = {
  'app:info': method<AppInfo>()(z.object({})),
  'app:masters': method<Masters>()(z.object({})),
};
