import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from './credit-code.ts';

describe('unified social credit code (GB 32100)', () => {
  it.each([
    ['91310000MA1FL8L971', true],
    ['91310000MA1FL8L972', false],
    ['91310000MA1FL8L97', false],
    ['91310000MA1FL8L97I', false],
    ['', false],
  ])('%s → %s', (code, valid) => expect(isValidCreditCode(code)).toBe(valid));
});
