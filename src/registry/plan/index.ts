export * from './types.js';
export * from './order.js';
export * from './decide.js';
