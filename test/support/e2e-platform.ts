import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { LocalPlatform, type LocalPlatformOptions } from '@magpie/testing';

export { REPO_ROOT } from '@magpie/testing';

/** A LocalPlatform plus a gRPC client of its gateway. */
export interface E2ePlatform {
  readonly platform: LocalPlatform;
  readonly client: MagpieClient;
  readonly grpcAddress: string;
  /** The shared simulator's first port. */
  readonly simUrl: string;
  stop(): Promise<void>;
}

/**
 * The e2e and fault suites test plumbing (every record complete, nothing lost), so their simulator
 * runs the ideal profile unless a test asks otherwise through `simEnv`. Children start from this
 * process's environment unless `baseEnv` says otherwise.
 */
export async function startE2ePlatform(
  options: Omit<LocalPlatformOptions, 'baseEnv'> & { readonly baseEnv?: LocalPlatformOptions['baseEnv'] } = {},
): Promise<E2ePlatform> {
  const platform = await LocalPlatform.start({ baseEnv: process.env, ...options, simEnv: { SIM_PROFILE: 'ideal', ...options.simEnv } });
  const client = createMagpieClient(platform.grpcAddress);
  await client.waitForReady(30_000);
  return {
    platform,
    client,
    grpcAddress: platform.grpcAddress,
    simUrl: platform.allSimUrls()[0] ?? '',
    stop: async () => {
      client.close();
      await platform.stop();
    },
  };
}
