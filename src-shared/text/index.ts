export * from './normalize.js';
export * from './search-tokens.js';
