import { z } from 'zod';
import { method } from './define.js';

export const demoApi = {
  /** Loads the demo data set into an empty database (first start). */
  'demo:load': method<{ orders: number }>()(z.object({ orders: z.number().int().min(1).max(100_000).default(2000) })),
};
