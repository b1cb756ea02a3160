import type { Carrier } from '../../src-shared/domain/carriers.js';

export interface RawRow {
  line: number;
  managementNo: string;
  trackingNo: string;
}

/** What the preview read, kept for 登録 (judged again against the database then). */
export interface TrackingPlan {
  format: string;
  carrier: Carrier;
  rows: RawRow[];
}
