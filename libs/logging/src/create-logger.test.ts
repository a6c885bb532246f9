import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './create-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('redacts secrets wherever they appear in a logged object', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 't', level: 'info', destination });
    logger.info({ apiKey: 's3cret-1', nested: { password: 's3cret-2', token: 's3cret-3' }, headers: { authorization: 'Bearer s3cret-4' } }, 'hello');
    const text = lines.join('');
    for (const secret of ['s3cret-1', 's3cret-2', 's3cret-3', 's3cret-4']) expect(text).not.toContain(secret);
    expect(text).toContain('"service":"t"');
  });
});

describe('redactUrl', () => {
  it('removes credentials from a URL', () => {
    expect(redactUrl('http://user:pa55@vllm:8000/v1')).toBe('http://redacted@vllm:8000/v1');
    expect(redactUrl('http://vllm:8000/v1')).toBe('http://vllm:8000/v1');
    expect(redactUrl('not a url')).toBe('[unparseable url]');
  });
});
