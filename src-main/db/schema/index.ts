export * from './mail.js';
export * from './masters.js';
export * from './orders.js';
export * from './stock.js';
export * from './sync.js';
