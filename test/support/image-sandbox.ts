import { execFileSync } from 'node:child_process';
import type { EmulatedImage } from '@magpie/build';
import type { EntryCommand } from '@magpie/launcher';

/** Where the image's WORKDIR appears inside the sandbox (the host has no /app to mount on). */
export const SANDBOX_WORKDIR = '/srv/app';
/** Where a volume (a Secret, say) appears inside the sandbox, read-only. */
export const SANDBOX_VOLUME = '/srv/volume';

// Runs in a private mount namespace (unshare --mount, root only), so nothing here touches the
// host's mounts: the image's files read-only at SANDBOX_WORKDIR, a volume (when given) read-only
// at SANDBOX_VOLUME, a fresh tmpfs as the pod's /tmp emptyDir, the root filesystem read-only, then
// the image's numeric user and its entrypoint.
const SANDBOX = `
set -e
root=$1 uid=$2 gid=$3 volume=$4
shift 4
mount -t tmpfs -o mode=755 tmpfs /srv
mkdir ${SANDBOX_WORKDIR} ${SANDBOX_VOLUME}
mount --bind "$root" ${SANDBOX_WORKDIR}
mount -o remount,bind,ro ${SANDBOX_WORKDIR}
if [ "$volume" != - ]; then
  mount --bind "$volume" ${SANDBOX_VOLUME}
  mount -o remount,bind,ro ${SANDBOX_VOLUME}
fi
mount -o remount,ro /srv
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -o remount,bind,ro /
cd ${SANDBOX_WORKDIR}
exec setpriv --reuid "$uid" --regid "$gid" --clear-groups --no-new-privs "$@"
`;

/** Why the sandbox cannot be built here, or undefined when it can (root with util-linux's unshare and setpriv). */
export function sandboxUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root for unshare --mount';
  try {
    execFileSync('sh', ['-c', 'command -v unshare && command -v setpriv'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'needs unshare and setpriv (util-linux)';
  }
}

/**
 * The command line that runs `argv` as the image would: its user, its read-only files, only /tmp
 * writable; `volume` (a folder UID 10001 can read) is mounted at SANDBOX_VOLUME.
 */
export function sandboxed(image: EmulatedImage, argv: readonly string[], volume?: string): { command: string; args: string[] } {
  return {
    command: 'unshare',
    args: ['--mount', '--propagation', 'private', 'sh', '-c', SANDBOX, 'image-sandbox', image.root, String(image.uid), String(image.gid), volume ?? '-', ...argv],
  };
}

/** Every component starts through the image's own ENTRYPOINT (its SERVICE variable picks which). */
export function imageEntry(image: EmulatedImage, volume?: string): EntryCommand {
  return () => sandboxed(image, image.entrypoint, volume);
}

/** The environment a container of the image starts with: the image's ENV over a minimal PATH. */
export function imageEnv(image: EmulatedImage): Record<string, string> {
  return { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...image.env };
}
