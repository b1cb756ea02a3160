import type { ComponentType } from 'react';

/** A block another feature shows inside 注文詳細, below the history (e.g. the order's mails). */
export interface DetailSection {
  id: string;
  title: string;
  Component: ComponentType<{ orderId: number }>;
}

/**
 * Extra sections of the F12 detail, one line per feature. The mail feature adds the
 * order's mails here (S16 "see history and mails"); the detail renders each in order.
 */
export const DETAIL_SECTIONS: DetailSection[] = [];
