export * from './auth.js';
export * from './console.js';
export * from './orders.js';
export * from './sync.js';
