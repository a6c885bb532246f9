/** A dataset download that cannot be trusted: a file cut short, a checksum that does not match, an unsafe file name. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}
