import { describe, expect, it } from 'vitest';
import { EXPECTED_MAX, type FormRow } from '@zhengji/domain';
import { inputFindingsOf, mergeFindings, readExpected, savableRow, type EditorFinding } from './input-findings.ts';
import { industrySuggestions } from './components/industry-field.tsx';

const row = (p: Partial<FormRow> & { expectedText?: string } = {}): FormRow & { expectedText?: string } => ({
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 100,
  reason: '需求大',
  ...p,
});

describe('readExpected: a typed 预计评价人次 is never clamped or rounded', () => {
  it.each([
    ['', null],
    ['0', 0],
    ['11', 11],
    [String(EXPECTED_MAX), EXPECTED_MAX],
  ])('%j is saved as %j, without a finding of its own', (text, value) => {
    expect(readExpected(text)).toEqual({ value, finding: null });
  });
  it('reads full-width digits and separators, and says so', () => {
    expect(readExpected('１２')).toMatchObject({ value: 12, finding: { severity: 'warning', message: '“预计评价人次”填写的“１２”已按 12 保存，请核对' } });
    expect(readExpected('1,200').value).toBe(1200);
  });
  it.each([
    ['1.5', '不是不小于 1 的整数'],
    ['-3', '不是不小于 1 的整数'],
    ['abc', '不是数字'],
    [String(EXPECTED_MAX + 1), `超过上限 ${String(EXPECTED_MAX)}`],
  ])('%j is kept on the screen, saved as empty, and is an error: %s', (text, why) => {
    const { value, finding } = readExpected(text);
    expect(value).toBeNull();
    expect(finding).toMatchObject({ code: 'input_changed', severity: 'error', field: 'expectedAssessments' });
    expect(finding?.message).toContain(`“${text}”${why}，未保存`);
  });
});

describe('inputFindingsOf and savableRow: text longer than can be saved is cut, and said so', () => {
  it('a reason over 500 characters', () => {
    const r = row({ reason: '理'.repeat(612) });
    expect(inputFindingsOf(r)).toEqual([
      { code: 'input_changed', severity: 'error', field: 'reason', message: '“推荐理由”共 612 字，超过 500 字的上限；只保存了前 500 字，请精简' },
    ]);
    expect(savableRow(r).reason).toHaveLength(500);
  });
  it('an industry tag over 20 characters', () => {
    const r = row({ industries: ['很'.repeat(25)] });
    expect(inputFindingsOf(r)[0]?.message).toContain('超过 20 个字；只保存了前 20 个字');
    expect(savableRow(r).industries[0]).toHaveLength(20);
  });
  it('nothing for a row within the limits', () => {
    expect(inputFindingsOf(row({ expectedText: '100' }))).toEqual([]);
    expect(savableRow(row())).toEqual(row());
  });
});

describe('mergeFindings', () => {
  const rule = (field: keyof FormRow, severity: 'error' | 'warning' = 'error'): EditorFinding => ({
    code: 'expected_invalid',
    severity,
    message: 'rule',
    field,
  });
  it('drops the rules’ "please fill in" for a number that could not be saved, keeps the rest', () => {
    const own = readExpected('1.5').finding!;
    expect(mergeFindings([rule('expectedAssessments'), rule('reason')], [own])).toEqual([rule('reason'), own]);
  });
  it('keeps the rules’ findings beside a warning (0 typed as ０ is still an error of the rules)', () => {
    const own = readExpected('０').finding!;
    expect(mergeFindings([rule('expectedAssessments')], [own])).toEqual([rule('expectedAssessments'), own]);
  });
});

describe('industrySuggestions', () => {
  it('offers the tag for a near free text, not for a tag or a text already beside its tag', () => {
    const tags = ['养老护理', '家政服务', '人工智能'];
    expect(industrySuggestions(['养老'], tags)).toEqual([{ typed: '养老', tag: '养老护理' }]);
    expect(industrySuggestions(['养老护理'], tags)).toEqual([]);
    expect(industrySuggestions(['养老', '养老护理'], tags)).toEqual([]);
  });
});
