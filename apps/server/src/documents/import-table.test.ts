import { describe, expect, it } from 'vitest';
import { extractHeader, matchColumn, normalizeCode, parseExpected, parseShortage, splitIndustries } from './import-table.ts';

describe('import value parsing', () => {
  it.each([
    ['４－１０－０１－０５', '4-10-01-05'],
    ['4 - 10 - 01 - 05', '4-10-01-05'],
    ['4—10—01—05', '4-10-01-05'],
    ['\u30004-04-05-05\u3000', '4-04-05-05'],
    ['4‐10‐01‐05', '4-10-01-05'],
  ])('normalises the code %s', (input, code) => {
    expect(normalizeCode(input)).toBe(code);
  });

  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['ｙｅｓ', true],
    ['NO', false],
    ['√', true],
    ['', null],
    ['不确定', undefined],
  ])('reads the shortage flag %s', (input, flag) => {
    expect(parseShortage(input)).toBe(flag);
  });

  it('splits industries on 、 , ， ; ；, trims and removes duplicates', () => {
    expect(splitIndustries('人工智能、电子信息')).toEqual(['人工智能', '电子信息']);
    expect(splitIndustries(' 人工智能 ,电子信息，汽车;高端装备；人工智能 ')).toEqual(['人工智能', '电子信息', '汽车', '高端装备']);
    expect(splitIndustries('')).toEqual([]);
  });

  it.each([
    ['3000', 3000],
    ['３０００', 3000],
    ['1,200', 1200],
    [' 12 ', 12],
    ['', null],
    ['12.5', 'invalid'],
    ['-5', 'invalid'],
    ['约500', 'invalid'],
    ['500人次', 'invalid'],
    ['1e3', 'invalid'],
    ['12,34', 'invalid'],
  ])('parses expected assessments %s strictly', (input, value) => {
    expect(parseExpected(input)).toBe(value);
  });

  it.each([
    ['序号', 'priority'],
    ['职业编码', 'occupationCode'],
    ['职业代码', 'occupationCode'],
    ['职业', 'occupationName'],
    ['职业名称', 'occupationName'],
    ['工种', 'jobTypeName'],
    ['国家职业技能标准名称', 'standardName'],
    ['国家职业标准名称', 'standardName'],
    ['国家职业技能标准版本', 'standardVersion'],
    ['版本号', 'standardVersion'],
    ['是否已纳入急需紧缺职业目录', 'inShortageCatalog'],
    ['产业类别', 'industries'],
    ['预计评价人次', 'expectedAssessments'],
    ['推荐理由', 'reason'],
    [' 推荐\n理由 ', 'reason'],
    ['备注', null],
  ])('matches the header %s by name', (text, key) => {
    expect(matchColumn(text)).toBe(key);
  });

  it('finds the header fields in the lines around the table', () => {
    expect(
      extractHeader([
        '社会化职业技能等级认定职业（工种）推荐表',
        '推荐单位（加盖公章）：\t\t上海市卫生健康委员会（市中医药管理局）',
        '联系人：李华　　联系方式：13812345678\t\t2024年10月8日',
      ]),
    ).toEqual({ unitName: '上海市卫生健康委员会（市中医药管理局）', contactName: '李华', contactPhone: '13812345678', fillDate: '2024-10-08' });
    expect(extractHeader(['推荐单位（加盖公章）：_____', '联系人：\t\t联系方式：\t\t填表日期：\t2024-10-22'])).toEqual({ fillDate: '2024-10-22' });
    expect(extractHeader(['2024年2月30日'])).toEqual({});
  });
});
