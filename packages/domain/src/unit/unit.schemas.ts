import { z } from 'zod';
import { isValidCreditCode } from './credit-code.ts';
import { isMainlandPhone } from '../shared/phone.ts';

/** Kinds of recommending unit. */
export const UNIT_TYPES = ['district', 'industry'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
/** Chinese labels of the unit kinds. */
export const UNIT_TYPE_LABELS: Record<UnitType, string> = { district: '区人社局', industry: '行业主管部门' };

/** A mainland mobile (1xxxxxxxxxx) or landline (0xx-xxxxxxxx, optional extension) number. */
export const PhoneSchema = z.string().trim().refine(isMainlandPhone, '请填写手机号（11位）或座机号（如 021-12345678）');

/** Unified social credit code with its GB 32100 check character. */
export const CreditCodeSchema = z.string().trim().toUpperCase().refine(isValidCreditCode, '统一社会信用代码应为18位且校验位正确，请核对后重新填写');

/** Create or edit a recommending unit. */
export const UnitInputSchema = z.strictObject({
  name: z.string().trim().min(2, '请填写单位名称').max(100),
  type: z.enum(UNIT_TYPES, '单位类型须为“区人社局”或“行业主管部门”'),
  creditCode: CreditCodeSchema.nullable().optional(),
  contactName: z.string().trim().max(50).nullable().optional(),
  contactPhone: PhoneSchema.nullable().optional(),
  contactEmail: z.email('请填写有效的电子邮箱').max(200).nullable().optional(),
});
export type UnitInput = z.infer<typeof UnitInputSchema>;

/** A recommending unit as the API returns it. */
export const UnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(UNIT_TYPES),
  creditCode: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  createdAt: z.string(),
});
export type Unit = z.infer<typeof UnitSchema>;
