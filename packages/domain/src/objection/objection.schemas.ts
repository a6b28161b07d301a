import { z } from 'zod';
import { PhoneSchema } from '../unit/unit.schemas.ts';

/** Maximum length of the grounds of an objection. */
export const OBJECTION_GROUNDS_MAX_LENGTH = 2000;
/** Maximum number of evidence files of an objection. */
export const OBJECTION_MAX_FILES = 3;
/** Maximum size of one evidence file, in bytes (10 MB). */
export const OBJECTION_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Accepted evidence types, decided by content. */
export const OBJECTION_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, { error: message })
    .optional()
    .transform((v) => (v ? v : undefined));

/** Trims a string and turns an empty one into undefined, so that an empty optional field counts as absent. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The public objection form: name, phone or e-mail (at least one), optional organization, the item, the grounds. */
export const ObjectionInputSchema = z
  .strictObject({
    name: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(50, { error: '姓名不能超过50个字符' }),
    phone: z.preprocess(blankToUndefined, PhoneSchema.optional()),
    email: z.preprocess(
      blankToUndefined,
      z.email({ error: '请填写有效的电子邮箱，如 name@example.com' }).max(200, { error: '电子邮箱不能超过200个字符' }).optional(),
    ),
    organization: optionalText(100, '单位名称不能超过100个字符'),
    itemId: z.string({ error: '请选择要提出异议的职业（工种）' }).trim().min(1, { error: '请选择要提出异议的职业（工种）' }).max(100),
    grounds: z
      .string({ error: '请填写异议理由' })
      .trim()
      .min(1, { error: '请填写异议理由' })
      .max(OBJECTION_GROUNDS_MAX_LENGTH, { error: `异议理由不能超过${String(OBJECTION_GROUNDS_MAX_LENGTH)}字，请精简后提交` }),
  })
  .refine((o) => Boolean(o.phone) || Boolean(o.email), { error: '请至少填写联系电话或电子邮箱中的一项，以便答复', path: ['phone'] });
/** A parsed objection. */
export type ObjectionInput = z.infer<typeof ObjectionInputSchema>;

/** Masks a person's name: the first character and two stars, whatever the length (张三丰 → 张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]!}**`;
}

/** Masks a phone number: first 3 and last 4 digits kept (13812345678 → 138****5678); short numbers keep the last 2. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return '';
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `****${digits.slice(-2)}`;
}

/** Masks an e-mail address: first character of the local part, stars, the domain (alice@example.com → a***@example.com). */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed ? '***' : '';
  return `${[...trimmed][0]!}***${trimmed.slice(at)}`;
}

/** An objector's personal data masked for lists (center lists; never shown to the public at all). */
export function maskObjector(o: { name: string; phone?: string | null; email?: string | null; organization?: string | null }): {
  name: string;
  phone: string | null;
  email: string | null;
  organization: string | null;
} {
  return {
    name: maskName(o.name),
    phone: o.phone ? maskPhone(o.phone) : null,
    email: o.email ? maskEmail(o.email) : null,
    organization: o.organization ?? null,
  };
}
