/** Thrown when a dataset cannot be written: bad input for this writer, a misuse of its lifecycle, or an I/O failure (as `cause`). */
export class DatasetWriterError extends Error {
  override readonly name = 'DatasetWriterError';
}
