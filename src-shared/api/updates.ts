import { z } from 'zod';
import type { UpdateCheck } from '../console/updates.js';
import { method } from './define.js';

export const updatesApi = {
  /** Asks the central server's update feed whether a newer version is rolled out to this store. */
  'updates:check': method<UpdateCheck>()(z.object({})),
};
