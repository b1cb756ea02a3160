import { z } from 'zod';
import { consoleMethod } from './define.js';

/**
 * A store's staff (担当者), kept on the central server and edited in the console. They go
 * down to the store PCs as the `staff` master, where the clerk at a shared PC is picked
 * from the list (with the PIN, when one is set); 管理者 staff may do what needs a manager.
 */
export interface ConsoleStaff {
  id: number;
  storeId: string;
  name: string;
  isManager: boolean;
  /** A PIN is set (the PIN itself is kept only as a hash). */
  hasPin: boolean;
  retired: boolean;
}

export const staffApi = {
  'console:staff': consoleMethod<ConsoleStaff[]>()(
    'read',
    'スタッフ一覧',
    z.object({ storeId: z.string().min(1).max(40) }),
  ),
  'console:saveStaff': consoleMethod<ConsoleStaff>()(
    'write',
    'スタッフの登録・変更',
    z.object({
      storeId: z.string().min(1).max(40),
      /** Absent: a new member. */
      id: z.number().int().positive().optional(),
      name: z.string().trim().min(1, '名前を入力してください。').max(40),
      isManager: z.boolean().default(false),
      /** 4–8 digits sets the PIN, '' removes it, absent keeps it. */
      pin: z
        .string()
        .regex(/^(\d{4,8})?$/, 'PIN は4〜8桁の数字です（空欄で PIN なし）。')
        .optional(),
      retired: z.boolean().default(false),
    }),
  ),
};
