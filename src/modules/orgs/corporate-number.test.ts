import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporateNumberCheckDigit, isValidCorporateNumber } from './corporate-number.ts';

describe('法人番号 check digit', () => {
  it('accepts published numbers', () => {
    // 国税庁 and 経済産業省, as published on the corporate number site.
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(isValidCorporateNumber('4000012090001')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber('70000120500021')).toBe(false);
    expect(isValidCorporateNumber('70000120500O2')).toBe(false);
    expect(isValidCorporateNumber('')).toBe(false);
  });

  it('has exactly one valid check digit for every 12-digit base', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (base) => {
        const valid = [...'0123456789'].filter((d) => isValidCorporateNumber(d + base));
        expect(valid).toEqual([String(corporateNumberCheckDigit(base))]);
      }),
      { numRuns: 2000 },
    );
  });
});
