export * from './channels.js';
export * from './money.js';
export * from './order.js';
export * from './status.js';
export * from './transitions.js';
export * from './carriers.js';
