import { describe, expect, it } from 'vitest';
import { findTextProblem, hasControlCharacters, isImpossibleDate, textProblemMessage } from './text.ts';
import { fieldLabel } from './field-labels.ts';
import { formatZodIssues } from './zod-zh.ts';

describe('text no field may hold', () => {
  it.each([
    ['a\u0000b', true],
    ['\u0007', true],
    ['\u001b[31m', true],
    ['\u007f', true],
    ['\u0085', true],
    ['a\ud800b', true],
    ['\udc00', true],
    ['第一行\n第二行\r\n\t缩进', false],
    ['😀 表情', false],
    ['普通文本', false],
  ])('%j → %s', (text, bad) => expect(hasControlCharacters(text)).toBe(bad));
});

describe('dates that do not exist', () => {
  it.each([
    ['2024-02-30', true],
    ['2023-02-29', true],
    ['2024-13-01', true],
    ['2024-00-10', true],
    ['2024-04-31', true],
    ['2024-10-22T25:00:00+08:00', true],
    ['2024-10-22T10:00:00+25:00', true],
    ['2024-02-29', false],
    ['2024-10-22T23:59:59.999+08:00', false],
    ['2024-10-22T10:00:00Z', false],
    ['abc', false],
    ['4-10-01-05', false],
    ['', false],
  ])('%j → %s', (text, bad) => expect(isImpossibleDate(text)).toBe(bad));
});

describe('finding the field', () => {
  it('names the path of the first bad string, keys included', () => {
    expect(findTextProblem({ rows: [{ reason: 'ok' }, { reason: 'a\u0000' }] })?.path).toEqual(['rows', 1, 'reason']);
    expect(findTextProblem({ ['a\u0000']: 1 })?.path).toEqual(['a\u0000']);
    expect(findTextProblem({ deadline: '2024-02-30' })?.message).toContain('不是存在的日期');
    expect(findTextProblem({ body: '第一段\n\t第二段' })).toBeNull();
  });

  it('labels fields in Chinese, with their position in a list', () => {
    expect(fieldLabel(['reason'])).toBe('理由');
    expect(fieldLabel(['rows', 2, 'reason'])).toBe('推荐职业（工种）第3项的理由');
    expect(fieldLabel(['industries', 0])).toBe('产业类别第1项');
    expect(fieldLabel(['somethingNew'])).toBe('somethingNew');
    expect(fieldLabel(['x'], { x: '自定义' })).toBe('自定义');
  });

  it('says which field holds the bad text, a table cell by row and column', () => {
    const found = (v: unknown) => textProblemMessage(findTextProblem(v)!, {}, { reason: '推荐理由' });
    expect(found({ username: 'a\u0000' })).toBe('“用户名”含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入');
    expect(found({ rows: [{}, { reason: 'x\u0007' }] })).toBe('第 2 行“推荐理由”含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入');
    expect(found({ deadline: '2024-02-30' })).toBe('“截止日期”不是存在的日期，请检查年、月、日（如 2 月没有 30 日）');
  });

  it('formats messages naming the field once', () => {
    expect(formatZodIssues([{ path: ['reason'], message: '请填写退回理由' }])).toBe('请填写退回理由');
    expect(formatZodIssues([{ path: ['campaignId'], message: '征集活动编号格式不正确' }])).toBe('征集活动编号格式不正确');
    expect(formatZodIssues([{ path: ['title'], message: '内容不符合要求' }])).toBe('字段“标题”：内容不符合要求');
  });
});
