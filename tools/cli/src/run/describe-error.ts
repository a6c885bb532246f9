import { grpcStatusName, isGrpcError } from '@magpie/api';
import type { Translate } from '../i18n/translator.js';

/** One line for an error from a gateway call, e.g. `StartRun failed: INVALID_ARGUMENT: count: must be ≥ 1`. */
export function describeGatewayError(call: string, error: unknown, t: Translate): string {
  if (isGrpcError(error)) return t('call.failed', { call, code: grpcStatusName(error.code), details: error.details || error.message });
  return t('call.failedPlain', { call, details: error instanceof Error ? error.message : String(error) });
}
