/** Thrown when a report cannot be made: the directory holds no dataset, or report.html cannot be written (as `cause`). */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}
