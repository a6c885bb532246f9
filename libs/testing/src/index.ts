export * from './wait-for.js';
export * from './nats-server-fixture.js';
export * as fixtures from './record-fixtures.js';
export * from './local-platform.js';
export { findFreePort } from '@magpie/launcher';
export * from './sim-ideal.js';
export * from './kube-api-stand-in.js';
export * as kubeFixtures from './kube-fixtures.js';
