import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { FormRule } from 'antd';
import { installChineseZodMessages, ListEntryInputSchema } from '@zhengji/domain';
import { CampaignInputSchema, LateExceptionInputSchema } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { ReturnCheckedSchema } from '@zhengji/domain/check/check.schemas.ts';
import { UpdateNoticeInputSchema } from '@zhengji/domain/notice/notice.schemas.ts';
import { checkRule, isoDay, isoInstant, lines, maxLengthOf, toPayload, zodRule } from './zod-rules.ts';

installChineseZodMessages();

/** Runs an antd rule's validator as the form does: the message it refuses with, or null. */
async function refusal(rule: FormRule, value: unknown): Promise<string | null> {
  if (typeof rule === 'function') throw new Error('a rule object was expected');
  try {
    await (rule.validator as (r: unknown, v: unknown) => Promise<void>)({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('zodRule: the schema’s own Chinese message', () => {
  it('a required text: blank and whitespace say the schema’s 请填写…; too long says its limit', async () => {
    const rule = zodRule(CampaignInputSchema, 'title', '标题');
    expect(rule).toMatchObject({ required: true });
    expect(await refusal(rule, undefined)).toBe('请填写标题');
    expect(await refusal(rule, '   ')).toBe('请填写标题');
    expect(await refusal(rule, '标'.repeat(201))).toBe('标题不能超过 200 字');
    expect(await refusal(rule, '2024年征集')).toBeNull();
  });

  it('an optional field passes blank and refuses a bad value with the schema’s message', async () => {
    const rule = zodRule(CampaignInputSchema, 'contactEmail', '联系邮箱');
    expect(rule).toMatchObject({ required: false });
    expect(await refusal(rule, '')).toBeNull();
    expect(await refusal(rule, 'not-an-address')).toBe('联系邮箱格式不正确');
    expect(await refusal(rule, 'a@example.com')).toBeNull();
  });

  it('a generic message of the domain’s zod messages is led by the label', async () => {
    expect(await refusal(zodRule(ListEntryInputSchema, 'jobTypeName', '工种'), '工'.repeat(101))).toBe('工种长度不能超过100个字符');
  });

  it('the list editor’s code is checked after the domain’s normalization (full-width accepted)', async () => {
    const rule = zodRule(ListEntryInputSchema, 'occupationCode', '职业编码');
    expect(await refusal(rule, '４－１０－０１－０５')).toBeNull();
    expect(await refusal(rule, '4100')).toBe('职业编码格式应为 X-XX-XX-XX，如 4-10-01-05');
    expect(await refusal(rule, '')).toBe('请填写职业编码');
  });

  it('a picker: the value is converted as the schema takes it, and a blank one says 请选择…', async () => {
    const date = zodRule(CampaignInputSchema, 'deadline', '截止日期', { value: isoDay, blank: '选择' });
    expect(await refusal(date, null)).toBe('请选择截止日期');
    expect(await refusal(date, dayjs('2024-10-22'))).toBeNull();
    const until = zodRule(LateExceptionInputSchema, 'until', '新的时限', { value: isoInstant, blank: '选择' });
    expect(await refusal(until, dayjs('2024-10-22T18:00:00+08:00'))).toBeNull();
    expect(await refusal(until, 'not a date')).toBe('延期时限须为日期时间');
  });

  it('a text area of lines is checked as the list the schema takes', async () => {
    const rule = zodRule(CampaignInputSchema, 'instructions', '填表说明', { value: lines });
    expect(await refusal(rule, `第一条\n\n${'长'.repeat(1001)}`)).toBe('每条填表说明不能超过 1000 字');
    expect(await refusal(rule, Array.from({ length: 51 }, (_, i) => `第${String(i)}条`).join('\n'))).toBe('填表说明不能超过 50 条');
  });

  it('a domain check becomes a rule answering its reason', async () => {
    const rule = checkRule((v) => (v ? null : '推荐单位经办人必须绑定一个推荐单位，请选择单位'), true);
    expect(await refusal(rule, undefined)).toBe('推荐单位经办人必须绑定一个推荐单位，请选择单位');
    expect(await refusal(rule, 'u1')).toBeNull();
  });
});

describe('maxLengthOf and toPayload', () => {
  it('reads .max(n) through trim, nullable, default and preprocess', () => {
    expect(maxLengthOf(CampaignInputSchema, 'title')).toBe(200);
    expect(maxLengthOf(CampaignInputSchema, 'contactName')).toBe(50);
    expect(maxLengthOf(ReturnCheckedSchema, 'reason')).toBe(500);
    expect(maxLengthOf(UpdateNoticeInputSchema, 'body')).toBe(10_000);
    expect(maxLengthOf(ListEntryInputSchema, 'note')).toBe(500);
    expect(maxLengthOf(CampaignInputSchema, 'year')).toBeUndefined();
  });

  it('blank strings become null where the schema takes null, else are left out; text is trimmed', () => {
    expect(toPayload(CampaignInputSchema, { title: ' 标题 ', contactName: '', conditionsText: '', unknown: 'x' })).toEqual({
      title: '标题',
      contactName: null,
    });
  });
});
