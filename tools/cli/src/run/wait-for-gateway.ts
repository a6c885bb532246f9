import type { MagpieClient } from '@magpie/api';

/** The notice that says how to start the platform comes this long after waiting began (the issue asks for < 5 s). */
export const GATEWAY_NOTICE_AFTER_MS = 1_000;

export interface WaitForGatewayOptions {
  readonly waitMs: number;
  readonly signal: AbortSignal;
  /** Called once, when the gateway has not answered within `noticeAfterMs`. */
  readonly onWaiting: () => void;
  readonly noticeAfterMs?: number;
}

/**
 * Waits up to `waitMs` for the gateway's channel to connect, calling `onWaiting` once if that
 * takes longer than `noticeAfterMs` (so a user whose platform is not up learns why within
 * seconds, while the CLI keeps trying). Resolves 'ready' or 'aborted'; rejects with the
 * client's ConnectTimeoutError when the gateway never came.
 */
export async function waitForGateway(client: MagpieClient, options: WaitForGatewayOptions): Promise<'ready' | 'aborted'> {
  if (options.signal.aborted) return 'aborted';
  const notice = setTimeout(options.onWaiting, options.noticeAfterMs ?? GATEWAY_NOTICE_AFTER_MS);
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      client.waitForReady(options.waitMs).then(() => 'ready' as const),
      new Promise<'aborted'>((resolve) => {
        onAbort = () => resolve('aborted');
        options.signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(notice);
    if (onAbort) options.signal.removeEventListener('abort', onAbort);
  }
}
