import { describe, expect, it } from 'vitest';
import { buildReferenceIndex } from './reference-index.ts';
import { loadReferenceInput, loadTestIndex } from './reference-files.test-support.ts';

const index = loadTestIndex();

describe('buildReferenceIndex over the real national data', () => {
  it('holds the 大典 tree and the current occupation list', () => {
    expect(index.counts.occupations).toBe(1676);
    expect(index.counts.groups).toBe(8 + 79 + 450);
    expect(index.getNode('4')?.level).toBe(1);
    expect(index.getNode('4-10-01')?.level).toBe(3);
    expect(index.getOccupation('4-10-01')).toBeUndefined();
  });

  it.each([
    ['4-10-01-05', '养老护理员'],
    ['4-10-01-06', '家政服务员'],
    ['4-04-05-05', '人工智能训练师'],
    ['6-31-01-03', '电工'],
    ['4-07-05-03', '消防设施操作员'],
    ['４－１０－０１－０５', '养老护理员'],
  ])('getOccupation(%s) is %s', (code, name) => {
    expect(index.getOccupation(code)?.name).toBe(name);
  });

  it('knows that 4-10-01-02 is vacant in the 2022 edition and 2-02-32-00 was re-coded', () => {
    expect(index.getOccupation('4-10-01-02')).toBeUndefined();
    expect(index.getOccupation('2-02-32-00')).toMatchObject({ status: 'recoded', replacedBy: '2-02-32-01' });
  });

  it('gives an occupation its 工种, standards with versions and markers', () => {
    expect(index.jobTypesOf('4-04-05-05')).toEqual(['数据标注员', '人工智能算法测试员', '人工智能数字人训练师']);
    expect(index.standardsOf('4-10-01-05')).toEqual([expect.objectContaining({ standardName: '养老护理员', version: '2019年版', jobTypesCovered: [] })]);
    expect(index.flagsOf('4-04-05-05')).toMatchObject({ isSkillType: true, isDigital: true, markers: ['S'] });
  });

  it('strips the catalogue marks from standard names and splits the 工种 a standard covers', () => {
    const names = index.standards.map((s) => s.standardName);
    expect(names).toContain('电子商务师');
    expect(names).not.toContain('电子商务师S');
    const rail = index.standardsOf('4-02-01-01');
    expect(rail.length).toBe(4);
    expect(rail.every((s) => s.jobTypesCovered.length === 1)).toBe(true);
    const irrigation = index.standards.find((s) => s.standardName.startsWith('灌区管理工（'));
    expect(irrigation?.jobTypesCovered).toEqual(['渠道维护工', '灌排工程工']);
    // A leading parenthesis qualifies the trade; it names no 工种.
    expect(index.standards.find((s) => s.standardName === '（粮油）仓储管理员')?.jobTypesCovered).toEqual([]);
    // A standard filed under a 工种 name covers that 工种.
    expect(index.standards.find((s) => s.standardName === '企业培训师')?.jobTypesCovered).toEqual(['企业培训师']);
  });

  it('marks access-type qualifications, skill types and major groups', () => {
    expect(index.isAccessQualification('4-07-05-03')).toBe(true);
    expect(index.isAccessQualification('4-07-05-01')).toBe(true);
    expect(index.isAccessQualification('4-10-01-05')).toBe(false);
    expect(index.isSkillType('4-10-01-05')).toBe(true);
    expect(index.isSkillType('2-02-38-12')).toBe(false);
    expect(index.majorGroup('３-01-01-01')).toBe(3);
    expect(index.majorGroup('x')).toBeNull();
  });

  it('merges the post-2022 new occupations and keeps the ones without a code aside', () => {
    expect(index.getOccupation('4-04-05-12')?.addedAfterPrint).toMatchObject({ batch: 6, documentNo: '人社厅发〔2024〕36号' });
    expect(index.announced.some((a) => a.name === '具身智能机器人应用技术员' && a.status === 'public_comment')).toBe(true);
  });

  it('answers the Shanghai lists by occupation and by 工种', () => {
    expect(index.inShortageCatalog('4-10-01-05')).toBe(true);
    expect(index.inShortageCatalog('4-10-01-05', '社区助老员')).toBe(true);
    expect(index.inShortageCatalog('4-10-01-06')).toBe(false);
    expect(index.alreadyOffered('6-31-01-03')).toBe(true);
    expect(index.alreadyOffered('4-01-06-02', '直播销售员')).toBe(true);
    expect(index.alreadyOffered('4-01-06-02', '商品选品员')).toBe(false);
    expect(index.offeredCoverage('4-01-06-02')).toBe('other_job_types');
  });

  it('leaves a Shanghai list unknown (null) when it is not given, and builds from a record subset', () => {
    const input = loadReferenceInput();
    const small = buildReferenceIndex({
      occupations: input.occupations.filter((o) => o.code.startsWith('4-10') || o.code === '4'),
      standards: input.standards,
      qualifications: [],
    });
    expect(small.shortage).toBeNull();
    expect(small.inShortageCatalog('4-10-01-05')).toBe(false);
    expect(small.counts.occupations).toBeGreaterThan(10);
    expect(small.getOccupation('6-31-01-03')).toBeUndefined();
  });
});
