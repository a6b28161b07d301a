import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';
import { fieldLabel } from './field-labels.ts';

type Issue = $ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '对象',
  date: '日期',
};

/** Chinese message for a zod issue; installed once with installChineseZodMessages(). */
export function chineseIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '为必填项';
      return `须为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `长度不能超过${String(issue.maximum)}个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多${String(issue.maximum)}项`;
      return `不能大于${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `长度至少${String(issue.minimum)}个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少${String(issue.minimum)}项`;
      return `不能小于${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `包含无法识别的字段：${issue.keys.join('、')}，请删除后重试`;
    case 'invalid_format':
      if (issue.format === 'email') return '不是有效的电子邮箱地址';
      if (issue.format === 'datetime' || issue.format === 'date') return '不是有效的日期时间';
      return '格式不正确';
    case 'invalid_value':
      return `须为以下之一：${issue.values.map(String).join('、')}`;
    case 'not_multiple_of':
      return '须为整数';
    default:
      return '内容不符合要求';
  }
}

let installed = false;
/** Makes every zod schema answer in Chinese. Idempotent. */
export function installChineseZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => chineseIssueMessage(issue as Issue) });
}

const NO_COLON = /^(须|为|不|长度|最|至少)/;
/** Messages that say themselves what to fill in ("请填写专家姓名"). */
const SELF_NAMING = /^请(填写|选择|提供)/;

/**
 * Formats zod issues as one Chinese sentence naming each field in Chinese (FIELD_LABELS, or the labels given); a
 * message that already names the field ("退回理由不能超过 500 字" for reason, "请填写专家姓名") is shown as it is.
 */
export function formatZodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], labels: Record<string, string> = {}): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const label = fieldLabel(i.path, labels);
      if (!label || i.message.includes(label) || SELF_NAMING.test(i.message)) return i.message;
      return `字段“${label}”${NO_COLON.test(i.message) ? '' : '：'}${i.message}`;
    })
    .join('；');
}
