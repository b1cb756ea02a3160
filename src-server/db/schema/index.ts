export * from './auth.js';
export * from './console.js';
export * from './orders.js';
export * from './sync.js';
export * from './channels.js';
export * from './stock.js';
export * from './updates.js';
