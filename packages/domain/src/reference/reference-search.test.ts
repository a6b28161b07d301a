import { describe, expect, it } from 'vitest';
import { searchReference } from './reference-search.ts';
import { loadTestIndex } from './reference-files.test-support.ts';

const index = loadTestIndex();
const codes = (q: string, limit?: number): string[] => searchReference(index, q, { limit }).map((r) => r.code);

describe('searchReference', () => {
  it.each([
    ['4-10-01-05', 'code_exact'],
    ['４－１０－０１－０５', 'code_exact'],
    ['4100105', 'code_exact'],
    ['4-10', 'code_prefix'],
    ['养老护理员', 'name_exact'],
    ['养老', 'name_prefix'],
    ['老护理', 'name_substring'],
    ['yanglao', 'pinyin'],
    ['yanglaohuliyuan', 'pinyin'],
    ['ylhly', 'pinyin'],
    ['YLHLY', 'pinyin'],
  ])('%s finds 养老护理员 (%s) among the first results', (q, kind) => {
    const results = searchReference(index, q);
    const hit = results.findIndex((r) => r.code === '4-10-01-05' && r.matchedJobType === null);
    expect(hit).toBeGreaterThanOrEqual(0);
    expect(hit).toBeLessThan(4);
    expect(results[hit]?.matchKind).toBe(kind);
  });

  it('ranks exact code, then code prefix', () => {
    expect(codes('4-10-01-05')).toEqual(['4-10-01-05']);
    const prefix = codes('4-10');
    expect(prefix.every((c) => c.startsWith('4-10-'))).toBe(true);
    expect(prefix).toEqual([...prefix].sort());
    expect(prefix).toContain('4-10-01-05');
  });

  it('ranks 养老护理员 first for 养老 and yanglao (skill-type before the professional 养老服务师)', () => {
    expect(codes('养老')[0]).toBe('4-10-01-05');
    expect(codes('yanglao')[0]).toBe('4-10-01-05');
    expect(codes('ylhly')[0]).toBe('4-10-01-05');
    expect(codes('养老')).toContain('2-07-11-04');
  });

  it('ranks an exact name before names that merely contain it', () => {
    const results = searchReference(index, '电工');
    expect(results[0]).toMatchObject({ code: '6-31-01-03', matchKind: 'name_exact' });
    expect(results.slice(1).every((r) => r.matchKind !== 'name_exact' || r.matchedJobType !== null)).toBe(true);
  });

  it('finds a 工种 and returns its occupation with the 工种 named', () => {
    const [first] = searchReference(index, '数据标注员');
    expect(first).toMatchObject({ code: '4-04-05-05', name: '人工智能训练师', matchedJobType: '数据标注员', matchKind: 'name_exact' });
    expect(searchReference(index, 'sjbzy')[0]).toMatchObject({ code: '4-04-05-05', matchedJobType: '数据标注员' });
  });

  it('carries what the form fills in: 工种, standards with versions and flags', () => {
    const [result] = searchReference(index, '4-07-05-03');
    expect(result?.name).toBe('消防设施操作员');
    expect(result?.standards.map((s) => s.version)).toEqual(['2026年版', '2019年版']);
    expect(result?.flags).toMatchObject({ isSkillType: true, isAccessQualification: true, inShortageCatalog: false, alreadyOffered: false });
    const ai = searchReference(index, '人工智能训练师')[0];
    expect(ai?.flags).toMatchObject({ inShortageCatalog: true, markers: ['S'], isDigital: true });
    expect(ai?.jobTypes).toContain('数据标注员');
  });

  it('computes the flags of a 工种 hit for that 工种', () => {
    const live = searchReference(index, '直播销售员')[0];
    expect(live).toMatchObject({ code: '4-01-06-02', matchedJobType: '直播销售员' });
    expect(live?.flags.alreadyOffered).toBe(true);
    expect(searchReference(index, '互联网营销师')[0]?.flags.alreadyOffered).toBe(false);
  });

  it('caps the results and answers nothing for an empty or unmatched query', () => {
    expect(codes('工').length).toBe(20);
    expect(codes('工', 5).length).toBe(5);
    expect(codes('工', 1000).length).toBe(100);
    expect(codes('   ')).toEqual([]);
    expect(codes('zzzzqqq')).toEqual([]);
    expect(codes('9-99')).toEqual([]);
  });

  it('returns a re-coded occupation only on its exact code, with its replacement', () => {
    expect(searchReference(index, '2-02-32-00')[0]).toMatchObject({ status: 'recoded', replacedBy: '2-02-32-01' });
    expect(searchReference(index, '制药工程技术人员').map((r) => r.code)).toEqual(['2-02-32-01']);
  });
});

describe('searchReference by the name of a national standard', () => {
  it('finds 眼镜验光师 (4-14-03-03) by its standard 眼镜验光员, marked as a standard-name match', () => {
    const results = searchReference(index, '眼镜验光员');
    expect(results[0]).toMatchObject({ code: '4-14-03-03', name: '眼镜验光师', matchedJobType: null, matchKind: 'standard_name' });
    expect(results[0]?.standards.map((s) => s.standardName)).toContain('眼镜验光员');
  });

  it('finds it by the pinyin of the standard name too, and lists the occupation once when both names match', () => {
    expect(codes('yanjingyanguangyuan')[0]).toBe('4-14-03-03');
    const both = searchReference(index, '眼镜验光');
    expect(both.filter((r) => r.code === '4-14-03-03' && r.matchedJobType === null)).toHaveLength(1);
    expect(both[0]).toMatchObject({ code: '4-14-03-03', matchKind: 'name_prefix' });
  });

  it('ranks an occupation found by its own name before one found by a standard name', () => {
    expect(codes('养老')[0]).toBe('4-10-01-05');
    expect(searchReference(index, '电工')[0]).toMatchObject({ code: '6-31-01-03', matchKind: 'name_exact' });
  });
});
