import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    ['引号"与\\', '"引号\\"与\\\\"'],
    [{ at: new Date('2024-10-22T15:59:00.123Z') }, '{"at":"2024-10-22T15:59:00.123Z"}'],
    [{ gone: undefined, list: [undefined, NaN, Infinity, 1.5], fn: () => 1 }, '{"list":[null,null,null,1.5]}'],
    [{ Z: 1, a: 2, 中: 3, _: 4 }, '{"Z":1,"_":4,"a":2,"中":3}'],
    [undefined, 'null'],
  ] as const)('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('is the text of the value after a JSON round trip (what a jsonb column gives back)', () => {
    const value = { at: new Date('2024-01-01T00:00:00Z'), nested: { z: [1, { y: undefined, x: 'e\u0301' }], a: null }, n: NaN };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('normalises strings and keys to NFC only when asked', () => {
    expect(canonicalJson({ é: 'e\u0301' }, { nfc: true })).toBe('{"é":"é"}');
    expect(canonicalJson({ a: 'e\u0301' })).toBe('{"a":"e\u0301"}');
  });

  it('refuses a bigint', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
