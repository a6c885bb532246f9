import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  parseAddress,
  parseList,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  parsePort,
  parsePositiveInt,
  parseTemperature,
  parseUnitInterval,
} from './parse-options.js';

describe('option parsers', () => {
  it('parses whole numbers with bounds', () => {
    expect(parsePositiveInt('50')).toBe(50);
    expect(parseNonNegativeInt('0')).toBe(0);
    expect(() => parsePositiveInt('0')).toThrow(InvalidArgumentError);
    expect(() => parsePositiveInt('1.5')).toThrow(/whole number/);
    expect(() => parsePositiveInt('-3')).toThrow(InvalidArgumentError);
    expect(() => parsePositiveInt('abc')).toThrow(InvalidArgumentError);
    expect(() => parsePositiveInt('99999999999999999999')).toThrow(/large/);
  });

  it('parses ports', () => {
    expect(parsePort('4222')).toBe(4222);
    expect(() => parsePort('0')).toThrow(InvalidArgumentError);
    expect(() => parsePort('65536')).toThrow(InvalidArgumentError);
  });

  it('parses comma-separated lists, dropping blanks', () => {
    expect(parseList('quadratics, polynomials,,')).toEqual(['quadratics', 'polynomials']);
    expect(parseList('')).toEqual([]);
  });

  it('parses host:port addresses', () => {
    expect(parseAddress('127.0.0.1:50051')).toBe('127.0.0.1:50051');
    expect(parseAddress('gateway.magpie.svc:443')).toBe('gateway.magpie.svc:443');
    expect(parseAddress('[::1]:50051')).toBe('[::1]:50051');
    expect(() => parseAddress('127.0.0.1')).toThrow(InvalidArgumentError);
    expect(() => parseAddress('host:99999')).toThrow(InvalidArgumentError);
  });

  it('parses numbers with bounds: margins, top_p and thresholds, temperatures', () => {
    expect(parseNonNegativeNumber('0')).toBe(0);
    expect(parseNonNegativeNumber('0.25')).toBe(0.25);
    expect(() => parseNonNegativeNumber('-0.1')).toThrow(InvalidArgumentError);
    expect(() => parseNonNegativeNumber('')).toThrow(/Not a number/);
    expect(parseUnitInterval('1')).toBe(1);
    expect(parseUnitInterval('0.95')).toBe(0.95);
    expect(() => parseUnitInterval('0')).toThrow(InvalidArgumentError);
    expect(() => parseUnitInterval('1.01')).toThrow(InvalidArgumentError);
    expect(() => parseUnitInterval('abc')).toThrow(InvalidArgumentError);
    expect(parseTemperature('0')).toBe(0);
    expect(parseTemperature('1.35')).toBe(1.35);
    expect(() => parseTemperature('5.1')).toThrow(InvalidArgumentError);
    expect(() => parseTemperature('Infinity')).toThrow(InvalidArgumentError);
  });
});
