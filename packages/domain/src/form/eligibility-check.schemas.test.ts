import { describe, expect, it } from 'vitest';
import { EligibilityCheckInputSchema, looseFormRow } from './eligibility-check.schemas.ts';

describe('looseFormRow', () => {
  it.each([
    ['null text fields are empty', { jobTypeName: null, reason: null }, { jobTypeName: '', reason: '' }],
    ['numbers in text fields are text', { occupationCode: 4100105 }, { occupationCode: '4100105' }],
    ['objects in text fields are their JSON', { jobTypeName: { a: 1 } }, { jobTypeName: '{"a":1}' }],
    ['是/否 and true/false', { inShortageCatalog: '是' }, { inShortageCatalog: true }],
    ['0 is 否', { inShortageCatalog: 0 }, { inShortageCatalog: false }],
    ['anything else is not filled in', { inShortageCatalog: '也许' }, { inShortageCatalog: null }],
    ['industries as one text separated by 、', { industries: '养老护理、家政服务' }, { industries: ['养老护理', '家政服务'] }],
    ['industries null', { industries: null }, { industries: [] }],
    ['expected kept as a number', { expectedAssessments: -2.5 }, { expectedAssessments: -2.5 }],
    ['expected text kept for the rule', { expectedAssessments: 'abc' }, { expectedAssessments: 'abc' }],
    ['expected missing', {}, { expectedAssessments: null }],
  ])('%s', (_name, row, expected) => {
    expect(looseFormRow(row)).toMatchObject(expected);
  });

  it('ignores unknown fields', () => {
    expect(Object.keys(looseFormRow({ extra: 1 }))).not.toContain('extra');
  });
});

describe('EligibilityCheckInputSchema', () => {
  it('takes any objects as rows, refuses what is not a list of rows', () => {
    expect(EligibilityCheckInputSchema.safeParse({ rows: [{}, { expectedAssessments: 'x' }] }).success).toBe(true);
    expect(EligibilityCheckInputSchema.safeParse({ rows: [1] }).success).toBe(false);
    expect(EligibilityCheckInputSchema.safeParse({ rows: {} }).success).toBe(false);
    expect(EligibilityCheckInputSchema.safeParse({ rows: Array.from({ length: 1001 }, () => ({})) }).success).toBe(false);
  });
});
