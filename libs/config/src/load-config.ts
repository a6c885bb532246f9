import { z } from 'zod';

/** Thrown when environment configuration is invalid; the message names every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * Parses an environment-like source with a zod object whose keys are the variable names.
 * Returns a frozen object. Throws ConfigError naming each invalid variable.
 */
export function loadConfig<T extends z.ZodObject>(schema: T, source: EnvSource): Readonly<z.infer<T>> {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    // An empty variable means "unset" so that `FOO= cmd` falls back to the default.
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  return Object.freeze(parsed.data);
}

/**
 * The loader a service's config.ts exports: reads the process's environment (or `env`, in tests)
 * with `schema`, once. Throws ConfigError naming every invalid variable.
 */
export function configLoader<T extends z.ZodObject>(schema: T): (env?: EnvSource) => Readonly<z.infer<T>> {
  return (env: EnvSource = process.env) => loadConfig(schema, env);
}

/** An integer variable with a default and inclusive bounds. */
export function envInt(defaultValue: number, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue);
}

/** A number variable with a default and inclusive bounds. */
export function envNumber(defaultValue: number, min = -Infinity, max = Infinity) {
  return z.coerce.number().min(min).max(max).default(defaultValue);
}

/** "true"/"1"/"yes" or "false"/"0"/"no". */
export function envBool(defaultValue: boolean) {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
}

/** A comma-separated list of non-empty strings. */
export function envList(defaultValue: string[]) {
  return z
    .string()
    .default(defaultValue.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    );
}

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** A comma-separated list of one or more http(s) URLs (e.g. every replica of a backend). */
export function envUrlList(defaultValue: string) {
  return z
    .string()
    .default(defaultValue)
    .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1));
}
