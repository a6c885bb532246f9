import { STAGE_NAMES } from './platform-names.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Secrets a user may have in the environment of `magpie up` (or a test), and the only components
 * that get them: a child of the platform never inherits another's secret.
 */
export const SECRET_ROUTES: Readonly<Record<string, readonly string[]>> = {
  GATEWAY_TOKEN: ['gateway'],
  GATEWAY_TOKENS_FILE: ['gateway'],
  GRPC_TLS_KEY_FILE: ['gateway'],
  GRPC_TLS_CERT_FILE: ['gateway'],
  GRPC_TLS_CLIENT_CA_FILE: ['gateway'],
  LLM_API_KEY: STAGE_NAMES,
};

/**
 * Never passed on from an inherited environment: each service's NATS credentials come from the
 * platform's own passwords, and MAGPIE_TOKEN is the CLI's own credential.
 */
const NEVER_INHERITED = /^(NATS_USER|NATS_PASS|NATS_TOKEN|MAGPIE_TOKEN|[A-Z0-9_]+_NATS_PASS)$/;

function isSecret(name: string): boolean {
  return name in SECRET_ROUTES || NEVER_INHERITED.test(name);
}

/** `env` without any secret. */
export function withoutSecrets(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isSecret(name)));
}

/** The secrets of `env` that are routed to `component`. */
export function secretsFor(component: string, env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && SECRET_ROUTES[name]?.includes(component)));
}
