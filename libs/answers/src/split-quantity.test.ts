import { describe, expect, it } from 'vitest';
import { splitQuantity } from './split-quantity.js';

describe('splitQuantity', () => {
  it.each([
    ['5\\text{ cm}', '5', 'cm', 'L1'],
    ['3 \\text{cm}^2', '3', 'cm^2', 'L2'],
    ['10 \\text{ m/s}', '10', 'm/s', 'L1 T-1'],
    ['4 square feet', '4', 'square feet', 'L2'],
    ['60 mph', '60', 'mph', 'L1 T-1'],
    ['90^\\circ', '90', '^\\circ', 'A1'],
    ['100^\\circ C', '100', '^\\circ C', 'K1'],
    ['\\$12.50', '12.50', '\\$', 'USD1'],
    ['2 \\mathrm{kg}', '2', 'kg', 'M1'],
  ])('%s is %s in %s', (text, body, unit, dimension) => {
    const q = splitQuantity(text);
    expect(q.body).toBe(body);
    expect(q.annotation).toMatchObject({ kind: 'unit', unit: { text: unit, dimension } });
  });

  it.each([
    ['12 students', '12'],
    ['7 square units', '7'],
  ])('drops the count noun or filler of %s', (text, body) => {
    expect(splitQuantity(text)).toEqual({ body });
  });

  it('reads a percentage', () => {
    expect(splitQuantity('12.5\\%')).toEqual({ body: '12.5', annotation: { kind: 'percent' } });
  });

  it.each(['2 x', '2x', '\\sin x', 'x^2 + 1', '3\\pi', '5'])('leaves %j alone', (text) => {
    expect(splitQuantity(text)).toEqual({ body: text });
  });
});
