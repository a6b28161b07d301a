import { describe, expect, it } from 'vitest';
import { aggregateCandidatePool, poolKey, type PoolSourceRow } from './pool.merge.ts';

let n = 0;
function row(unitId: string, over: Partial<PoolSourceRow>): PoolSourceRow {
  n += 1;
  return {
    formId: `form-${unitId}`,
    rowId: `row-${n}`,
    unitId,
    unitName: `单位${unitId}`,
    unitType: 'district',
    priority: 1,
    occupationCode: '4-10-01-05',
    occupationName: '养老护理员',
    jobTypeName: '',
    inShortageCatalog: true,
    industries: ['养老护理'],
    expectedAssessments: 100,
    reason: '理由',
    ...over,
  };
}

describe('aggregateCandidatePool', () => {
  it('merges by (code, 工种), credits units with priorities, sums and unites', () => {
    const rows = [
      row('a', { priority: 2, industries: ['养老护理', '生命健康'], expectedAssessments: 100, reason: '甲' }),
      row('b', { priority: 1, industries: [' 生命健康', '家政服务'], expectedAssessments: 50, reason: '乙' }),
      row('c', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '汽车电器装调工', industries: ['汽车'] }),
      row('a', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '汽车电器装调工 ', priority: 3, expectedAssessments: null }),
    ];
    const { candidates, overlaps } = aggregateCandidatePool(rows);
    expect(candidates.map((c) => c.key)).toEqual(['4-10-01-05|', '6-25-04-07|汽车电器装调工']);
    const [care, car] = candidates;
    expect(care?.unitIds).toEqual(['a', 'b']);
    expect(care?.recommendations.map((r) => [r.unitId, r.priority, r.reason])).toEqual([
      ['a', 2, '甲'],
      ['b', 1, '乙'],
    ]);
    expect(care?.expectedAssessments).toBe(150);
    expect(care?.industries).toEqual(['养老护理', '生命健康', '家政服务']);
    expect(care?.sourceRowIds).toEqual([rows[0]!.rowId, rows[1]!.rowId]);
    expect(car?.expectedAssessments).toBe(100);
    expect(car?.unitIds).toEqual(['c', 'a']);
    expect(overlaps).toEqual([]);
  });

  it.each([
    [[true, true], true, false],
    [[false, false], false, false],
    [[true, false], true, true],
    [[null, false], false, false],
    [[null, null], false, false],
  ] as const)('shortage flags %o → flag %s, disagreement %s', (flags, flag, disagreement) => {
    const { candidates } = aggregateCandidatePool(flags.map((f, i) => row(`u${i}`, { inShortageCatalog: f })));
    expect(candidates[0]?.inShortageCatalog).toBe(flag);
    expect(candidates[0]?.shortageDisagreement).toBe(disagreement);
  });

  it('flags an occupation named whole by one unit and by a 工种 by another', () => {
    const rows = [
      row('a', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '' }),
      row('b', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '汽车电器装调工' }),
      row('c', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '汽车总装工' }),
      row('d', { occupationCode: '6-25-04-08', occupationName: '其他', jobTypeName: '某工种' }),
    ];
    const { candidates, overlaps } = aggregateCandidatePool(rows);
    expect(candidates.map((c) => c.key)).toEqual(['6-25-04-07|', '6-25-04-07|汽车总装工', '6-25-04-07|汽车电器装调工', '6-25-04-08|某工种']);
    expect(overlaps).toEqual([
      {
        occupationCode: '6-25-04-07',
        wholeOccupationKey: '6-25-04-07|',
        jobTypeKeys: ['6-25-04-07|汽车总装工', '6-25-04-07|汽车电器装调工'],
        wholeOccupationUnitIds: ['a'],
        jobTypeUnitIds: ['c', 'b'],
      },
    ]);
  });

  it('applies the center’s merges, keeping the source rows linked', () => {
    const rows = [
      row('a', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '' }),
      row('b', { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '汽车电器装调工' }),
    ];
    const merge = new Map([[rows[1]!.rowId, { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '' }]]);
    const { candidates, overlaps } = aggregateCandidatePool(rows, merge);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]?.unitIds).toEqual(['a', 'b']);
    expect(candidates[0]?.sourceRowIds).toEqual(rows.map((r) => r.rowId));
    expect(overlaps).toEqual([]);
  });

  it('is empty for no rows, and keys trim', () => {
    expect(aggregateCandidatePool([])).toEqual({ candidates: [], overlaps: [] });
    expect(poolKey(' 4-01-01-01 ', ' 甲 ')).toBe('4-01-01-01|甲');
  });
});
