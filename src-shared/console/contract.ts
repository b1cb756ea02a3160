import type { z } from 'zod';
import { accountsApi } from './accounts.js';
import { channelsApi } from './channels.js';
import type { ConsoleMethodSpec } from './define.js';
import { fleetApi } from './fleet.js';
import { recordsApi } from './records.js';
import { staffApi } from './staff.js';
import { updatesApi } from './updates.js';

/**
 * The console's contract: every method the head-office console may call on the central
 * server, with the access it needs. The server's console dispatch and the console page
 * both type against this one map.
 */
export const consoleContract = {
  ...accountsApi,
  ...channelsApi,
  ...fleetApi,
  ...recordsApi,
  ...staffApi,
  ...updatesApi,
};

type ConsoleContract = typeof consoleContract;
export type ConsoleMethod = keyof ConsoleContract;
export type ConsoleInput<M extends ConsoleMethod> = z.input<ConsoleContract[M]['input']>;
export type ConsoleParsed<M extends ConsoleMethod> = z.output<ConsoleContract[M]['input']>;
export type ConsoleOutput<M extends ConsoleMethod> =
  ConsoleContract[M] extends ConsoleMethodSpec<z.ZodType, infer O> ? O : never;

export function isConsoleMethod(name: string): name is ConsoleMethod {
  return Object.prototype.hasOwnProperty.call(consoleContract, name);
}
