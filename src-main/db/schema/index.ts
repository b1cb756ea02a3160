export * from './bundles.js';
export * from './mail.js';
export * from './masters.js';
export * from './orders.js';
export * from './stock.js';
export * from './stock-ledger.js';
export * from './sync.js';
