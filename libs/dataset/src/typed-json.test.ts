import { describe, expect, it } from 'vitest';
import { DatasetWriterError } from './errors.js';
import { float64, int64, list, nullable, string, struct, type RowSchema } from './field-types.js';
import { typedJson } from './typed-json.js';

const SCHEMA: RowSchema = [
  ['id', int64],
  ['top_p', float64],
  ['answer', nullable(string)],
  ['scores', list(struct([['score', float64]]))],
  ['chosen', nullable(list(string))],
];

describe('typedJson', () => {
  it('writes whole floats with a decimal point and integers without, in schema order', () => {
    const text = typedJson({ scores: [{ score: 1 }, { score: -0.25 }], chosen: null, answer: 'x', top_p: 1, id: 3 }, SCHEMA);
    expect(text).toBe('{"id":3,"top_p":1.0,"answer":"x","scores":[{"score":1.0},{"score":-0.25}],"chosen":null}');
    expect(JSON.parse(text)).toEqual({ id: 3, top_p: 1, answer: 'x', scores: [{ score: 1 }, { score: -0.25 }], chosen: null });
  });

  it("lays out like Python's json.dump(indent=2) inside an array", () => {
    const row = { id: 1, top_p: 0.95, answer: null, scores: [], chosen: ['a'] };
    expect(typedJson(row, SCHEMA, { indent: '  ', depth: 1 })).toBe(JSON.stringify(row, null, 2).replaceAll('\n', '\n  '));
  });

  it.each([
    [{ id: 1, top_p: 1, scores: [], chosen: null }, /^answer: expected string or null, got nothing$/],
    [{ id: 1.5, top_p: 1, answer: null, scores: [], chosen: null }, /^id: expected an integer/],
    [{ id: 1, top_p: 1, answer: null, scores: [{ score: '1' }], chosen: null }, /^scores\[0\]\.score: expected a number, got string$/],
    [{ id: 1, top_p: null, answer: null, scores: [], chosen: null }, /^top_p: expected float64, got null$/],
    [{ id: 1, top_p: 1, answer: null, scores: [], chosen: null, extra: 1 }, /^extra: not a field/],
    [{ id: 1, top_p: Number.POSITIVE_INFINITY, answer: null, scores: [], chosen: null }, /^top_p: Infinity is not a finite number$/],
  ])('refuses a row that does not fit the schema, naming the field (%#)', (row, message) => {
    expect(() => typedJson(row, SCHEMA)).toThrow(DatasetWriterError);
    expect(() => typedJson(row, SCHEMA)).toThrow(message);
  });
});
