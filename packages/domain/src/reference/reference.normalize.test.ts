import { describe, expect, it } from 'vitest';
import {
  nameKey,
  normalizeName,
  normalizeOccupationCode,
  parseStandardVersion,
  standardNameKey,
  stripStandardMarks,
  toHalfWidth,
} from './reference.normalize.ts';

describe('normalizeOccupationCode', () => {
  it.each([
    ['４－１０－０１－０５', '4-10-01-05'],
    [' 4-10-01-05 ', '4-10-01-05'],
    ['4—10—01—05', '4-10-01-05'],
    ['4 - 10 - 01 - 05', '4-10-01-05'],
    ['4\u300010-01-05', '410-01-05'],
    ['4‐10‐01‐05', '4-10-01-05'],
    ['4--10-01-05', '4-10-01-05'],
  ])('%s → %s', (typed, expected) => {
    expect(normalizeOccupationCode(typed)).toBe(expected);
  });
});

describe('names', () => {
  it.each([
    ['工业(产品)设计工程技术人员', '工业（产品）设计工程技术人员'],
    ['  养老护理员\u3000', '养老护理员'],
    ['ＡＩ训练师', 'AI训练师'],
  ])('normalizeName(%s) = %s', (typed, expected) => {
    expect(normalizeName(typed)).toBe(expected);
  });

  it('compares full- and half-width parentheses and spaces as equal', () => {
    expect(nameKey('管理（工业）工程技术人员')).toBe(nameKey('管理(工业) 工程技术人员'));
    expect(toHalfWidth('（２０１９）')).toBe('(2019)');
  });
});

describe('standard names and versions', () => {
  it.each([
    ['电子商务师S', '电子商务师'],
    ['信息通信网络机务员S（数据中心运行维护管理员）', '信息通信网络机务员（数据中心运行维护管理员）'],
    ['网络与信息安全管理员（数据安全管理员）S', '网络与信息安全管理员（数据安全管理员）'],
    ['建筑信息模型技术员L', '建筑信息模型技术员'],
    ['碳排放管理员L/S', '碳排放管理员'],
    ['养老护理员', '养老护理员'],
  ])('stripStandardMarks(%s) = %s', (name, expected) => {
    expect(stripStandardMarks(name)).toBe(expected);
  });

  it('gives one key to the usual spellings of a standard name', () => {
    const key = standardNameKey('电子商务师');
    for (const typed of ['电子商务师S', '《国家职业技能标准 电子商务师》', '国家职业技能标准：电子商务师', '电子商务师（2018年版）']) {
      expect(standardNameKey(typed)).toBe(key);
    }
    expect(standardNameKey('轨道列车司机(动车组司机)')).toBe(standardNameKey('轨道列车司机（动车组司机）'));
  });

  it.each([
    ['2019年版', 2019],
    ['2019版', 2019],
    ['（2019年版）', 2019],
    ['２０１９年版', 2019],
    ['2019', 2019],
    ['新版', null],
    ['19年版', null],
    ['', null],
  ])('parseStandardVersion(%s) = %s', (typed, expected) => {
    expect(parseStandardVersion(typed)).toBe(expected);
  });
});
