import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportError } from './errors.js';
import { readReportData } from './report-data.js';
import { renderReportHtml } from './report-html.js';
import type { TokenPrices } from './token-prices.js';

/** The report's file name, beside the dataset's files. */
export const REPORT_FILE = 'report.html';

/**
 * Writes `<dir>/report.html` for the dataset in `dir` and resolves with its path. The file is
 * written under a temporary name and renamed, so a report with the final name is whole. Throws
 * ReportError when `dir` holds no dataset or the file cannot be written.
 */
export async function writeReport(dir: string, prices: TokenPrices): Promise<string> {
  const html = renderReportHtml(await readReportData(dir, prices));
  const path = join(dir, REPORT_FILE);
  const partial = join(dir, `.${REPORT_FILE}.partial`);
  try {
    await writeFile(partial, html, 'utf8');
    await rename(partial, path);
  } catch (cause) {
    throw new ReportError(`cannot write ${path}`, { cause });
  }
  return path;
}
