import type { IncomingMessage } from 'node:http';
import { BadRequestError, SimHttpError } from './errors.js';

/** Requests larger than this are refused with 413 rather than buffered. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Reads and parses a JSON request body. Throws BadRequestError for invalid JSON and a 413
 * SimHttpError for a body over MAX_BODY_BYTES.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SimHttpError(413, 'BadRequestError', `request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new BadRequestError(`request body is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}
