import { describe, expect, it } from 'vitest';
import { buildReferenceIndex } from '../reference/reference-index.ts';
import { checkRow, checkRows, type CheckableRow, type Finding } from './form.rules.ts';
import { rowFindingsCache } from './row-findings-cache.ts';

const emptyIndex = () => buildReferenceIndex({ occupations: [], newOccupations: [], standards: [], qualifications: [] });
const ROW: CheckableRow = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 1200,
  reason: '理由',
};

function counted(index: ReturnType<typeof emptyIndex>, tags?: readonly string[]) {
  let calls = 0;
  const remembered = rowFindingsCache(index, tags);
  const of = (row: CheckableRow) =>
    remembered(row, () => {
      calls++;
      return checkRow(row, index, { industryTags: tags });
    });
  return { of, calls: () => calls };
}

describe('remembered row findings', () => {
  it('checks a row once while its content, the index and the tags stay the same', () => {
    const c = counted(emptyIndex());
    const first = c.of(ROW);
    expect(c.of({ ...ROW })).toBe(first);
    expect(c.calls()).toBe(1);
  });

  it('checks again when any of the ten fields changes, including a value of another type', () => {
    const c = counted(emptyIndex());
    c.of(ROW);
    const changed: CheckableRow[] = [
      { ...ROW, occupationCode: '4-10-01-06' },
      { ...ROW, occupationName: '家政服务员' },
      { ...ROW, jobTypeName: '初级' },
      { ...ROW, standardName: '家政服务员' },
      { ...ROW, standardVersion: '2018年版' },
      { ...ROW, inShortageCatalog: null },
      { ...ROW, industries: ['养老护理', '家政服务'] },
      { ...ROW, expectedAssessments: '1200' },
      { ...ROW, reason: '另一个理由' },
    ];
    for (const row of changed) c.of(row);
    expect(c.calls()).toBe(1 + changed.length);
  });

  it('keeps indexes and industry tags apart', () => {
    const index = emptyIndex();
    const plain = counted(index);
    const tagged = counted(index, ['养老护理']);
    const other = counted(emptyIndex());
    plain.of(ROW);
    tagged.of(ROW);
    other.of(ROW);
    expect([plain.calls(), tagged.calls(), other.calls()]).toEqual([1, 1, 1]);
  });

  it('hands out frozen findings; a form-wide finding added by checkRows does not reach the next form', () => {
    const index = emptyIndex();
    const twice = checkRows([ROW, { ...ROW }], index);
    expect(twice[0]!.some((f) => f.code === 'duplicate_row')).toBe(true);
    const once = checkRows([ROW], index);
    expect(once[0]!.some((f) => f.code === 'duplicate_row')).toBe(false);
    expect(once[0]).toEqual(checkRow(ROW, index));
    expect(() => ((once[0]![0] as Finding).message = 'x')).toThrow(TypeError);
  });
});
