import { z } from 'zod';
import { consoleMethod } from './define.js';

export const CONSOLE_ROLES = ['admin', 'viewer'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];
export const CONSOLE_ROLE_LABELS: Record<ConsoleRole, string> = { admin: '管理者', viewer: '閲覧' };

export interface ConsoleAccount {
  id: number;
  login: string;
  displayName: string;
  role: ConsoleRole;
}

export interface ConsoleSession {
  account: ConsoleAccount;
  /** Sent back in the x-chumon-csrf header with every call. */
  csrf: string;
}

export interface ConsoleAccountRow extends ConsoleAccount {
  createdAt: string;
  disabled: boolean;
  lockedUntil: string | null;
}

/** Passwords of at least 10 characters; the server keeps only a scrypt hash. */
const password = z.string().min(10, 'パスワードは10文字以上にしてください。').max(200, 'パスワードは200文字までです。');

const login = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{2,40}$/, 'ID は英数字・. _ - で2〜40文字です。');

export const accountsApi = {
  'console:signIn': consoleMethod<ConsoleSession>()(
    'public',
    'サインイン',
    z.object({ login: z.string().trim().min(1, 'ID を入力してください。').max(40), password: z.string().max(200) }),
  ),
  'console:session': consoleMethod<ConsoleSession>()('session', '状態確認', z.object({})),
  'console:signOut': consoleMethod<{ ok: true }>()('read', 'サインアウト', z.object({})),
  'console:changePassword': consoleMethod<{ ok: true }>()(
    'read',
    'パスワード変更',
    z.object({ current: z.string().max(200), next: password }),
  ),
  'console:accounts': consoleMethod<ConsoleAccountRow[]>()('read', 'アカウント一覧', z.object({})),
  'console:addAccount': consoleMethod<ConsoleAccountRow>()(
    'write',
    'アカウント追加',
    z.object({
      login,
      displayName: z.string().trim().min(1, '表示名を入力してください。').max(60),
      role: z.enum(CONSOLE_ROLES),
      password,
    }),
  ),
  'console:updateAccount': consoleMethod<ConsoleAccountRow>()(
    'write',
    'アカウント変更',
    z.object({
      id: z.number().int().positive(),
      role: z.enum(CONSOLE_ROLES).optional(),
      disabled: z.boolean().optional(),
      password: password.optional(),
    }),
  ),
};
