import { z } from 'zod';
import { method } from './define.js';
import { lineText } from './text.js';

/** One member of this PC's store staff as the 担当者 picker lists them (the PIN stays a hash in main). */
export interface StaffMember {
  id: number;
  name: string;
  isManager: boolean;
  hasPin: boolean;
}

/**
 * The staff this PC picks its 担当者 from (kept on the central server, edited in the
 * console) and who is picked now. With no staff list the 担当者 is the name in 設定 → 基本.
 */
export interface StaffDesk {
  staff: StaffMember[];
  current: { staffId: number | null; operator: string; isManager: boolean };
}

export const staffApi = {
  'staff:desk': method<StaffDesk>()(z.object({})),
  /** The clerk at this PC from now on; recorded in every history row until the next pick. */
  'staff:pick': method<StaffDesk['current']>()(
    z.object({
      staffId: z.number().int().positive(),
      pin: lineText().max(8).default(''),
    }),
  ),
};
