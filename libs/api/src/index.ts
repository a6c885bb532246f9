export * from './errors.js';
export type * from './proto-types.js';
export * from './load-magpie-proto.js';
export type * from './magpie-service-handlers.js';
export * from './magpie-client.js';
export * from './client-credentials.js';
export * from './grpc-errors.js';
export * from './mappers.js';
export * from './quality-mappers.js';
