import { ConfigError, type EnvSource } from '@magpie/config';
import { isLanguage, LANGUAGES, type Language } from './i18n/translator.js';

/** Defaults for flags, from the environment; a flag given on the command line always wins. */
export interface CliConfig {
  /** MAGPIE_GATEWAY: the gateway's `host:port` for `magpie run`. */
  readonly gateway: string;
  /** MAGPIE_OUT_DIR: where `magpie run` creates dataset directories. */
  readonly outDir: string;
  /** MAGPIE_STATE_DIR: `magpie up`'s logs, NATS data and up.json. */
  readonly stateDir: string;
  /** MAGPIE_NATS_PORT, MAGPIE_SIM_PORT, MAGPIE_GRPC_PORT: `magpie up`'s listening ports. */
  readonly natsPort: number;
  readonly simPort: number;
  readonly grpcPort: number;
  /** MAGPIE_TOKEN: the gateway's bearer token (a secret: never print or log it). */
  readonly token?: string;
  /** MAGPIE_TLS_CA, MAGPIE_TLS_CERT, MAGPIE_TLS_KEY: PEM files for TLS (and mTLS) to the gateway. */
  readonly tlsCa?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  /** MAGPIE_LANG: the language of progress and log messages (`en`, the default, or `ja`); `--lang` overrides it. */
  readonly lang: Language;
  /** MAGPIE_PROMPT_PRICE, MAGPIE_COMPLETION_PRICE (per million tokens) and MAGPIE_PRICE_CURRENCY: the report's cost per pair. */
  readonly promptPrice?: number;
  readonly completionPrice?: number;
  readonly priceCurrency: string;
  /** PATH, searched for nats-server. */
  readonly searchPath: string | undefined;
  /** The environment children of `magpie up` inherit before their own variables are set. */
  readonly inheritedEnv: EnvSource;
}

export const DEFAULT_GATEWAY = '127.0.0.1:50051';

function port(source: EnvSource, name: string, fallback: number, problems: string[]): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    problems.push(`${name}: must be a port number (1-65535), got "${raw}"`);
    return fallback;
  }
  return value;
}

/** `{ [key]: value }` when the variable is set and not empty, else `{}` (so the key stays absent). */
function optional(source: EnvSource, name: string, key: 'token' | 'tlsCa' | 'tlsCert' | 'tlsKey'): Partial<CliConfig> {
  const raw = source[name];
  return raw === undefined || raw === '' ? {} : { [key]: raw };
}

function language(source: EnvSource, problems: string[]): Language {
  const raw = source.MAGPIE_LANG;
  if (raw === undefined || raw === '') return 'en';
  if (isLanguage(raw)) return raw;
  problems.push(`MAGPIE_LANG: must be one of ${LANGUAGES.join(', ')}, got "${raw}"`);
  return 'en';
}

function price(source: EnvSource, name: string, key: 'promptPrice' | 'completionPrice', problems: string[]): Partial<CliConfig> {
  const raw = source[name];
  if (raw === undefined || raw === '') return {};
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    problems.push(`${name}: must be a price per million tokens (a number ≥ 0), got "${raw}"`);
    return {};
  }
  return { [key]: value };
}

function text(source: EnvSource, name: string, fallback: string): string {
  const raw = source[name];
  // An empty variable means "unset" so that `FOO= magpie …` falls back to the default.
  return raw === undefined || raw === '' ? fallback : raw;
}

/**
 * Reads the CLI's environment. The only place the CLI touches `process.env`. Throws ConfigError
 * naming every invalid variable.
 */
export function loadCliConfig(source: EnvSource = process.env): CliConfig {
  const problems: string[] = [];
  const config: CliConfig = {
    gateway: text(source, 'MAGPIE_GATEWAY', DEFAULT_GATEWAY),
    outDir: text(source, 'MAGPIE_OUT_DIR', 'data'),
    stateDir: text(source, 'MAGPIE_STATE_DIR', '.magpie'),
    natsPort: port(source, 'MAGPIE_NATS_PORT', 4222, problems),
    simPort: port(source, 'MAGPIE_SIM_PORT', 8000, problems),
    grpcPort: port(source, 'MAGPIE_GRPC_PORT', 50051, problems),
    ...optional(source, 'MAGPIE_TOKEN', 'token'),
    ...optional(source, 'MAGPIE_TLS_CA', 'tlsCa'),
    ...optional(source, 'MAGPIE_TLS_CERT', 'tlsCert'),
    ...optional(source, 'MAGPIE_TLS_KEY', 'tlsKey'),
    lang: language(source, problems),
    ...price(source, 'MAGPIE_PROMPT_PRICE', 'promptPrice', problems),
    ...price(source, 'MAGPIE_COMPLETION_PRICE', 'completionPrice', problems),
    priceCurrency: text(source, 'MAGPIE_PRICE_CURRENCY', 'USD'),
    searchPath: source.PATH,
    inheritedEnv: { ...source },
  };
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return Object.freeze(config);
}
