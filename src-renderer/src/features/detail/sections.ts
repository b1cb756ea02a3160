import type { ComponentType } from 'react';
import { OrderMails } from '../mail/OrderMails.js';

/** A block another feature shows inside 注文詳細, below the history (e.g. the order's mails). */
interface DetailSection {
  id: string;
  title: string;
  Component: ComponentType<{ orderId: number }>;
}

/**
 * Extra sections of the F12 detail, one line per feature (S16 "see history and mails");
 * the detail renders each in order under its heading. A section names its own region.
 */
export const DETAIL_SECTIONS: DetailSection[] = [{ id: 'mail', title: 'メール', Component: OrderMails }];
