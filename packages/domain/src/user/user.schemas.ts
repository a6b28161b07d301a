import { z } from 'zod';
import { ROLES } from '../shared/actor.ts';
import { ActionAvailabilitySchema } from '../shared/action-availability.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/password.rules.ts';

/** Usernames: letters, digits, dot, underscore, hyphen. */
export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, '用户名为3至64位的字母、数字、点、下划线或连字符');

/** The unit binding rule of an account: a unit user names one recommending unit, other roles none; the Chinese reason when broken. */
export function unitBindingProblem(role: string, unitId: string | null | undefined): string | null {
  if (role === 'unit' && !unitId) return '推荐单位经办人必须绑定一个推荐单位，请选择单位';
  if (role !== 'unit' && unitId) return '只有推荐单位经办人可以绑定推荐单位';
  return null;
}

/** Create a user (admin). */
export const CreateUserInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  role: z.enum(ROLES, '请选择角色'),
  unitId: z.string().uuid('请选择推荐单位').nullable().optional(),
  email: z.email('请填写有效的电子邮箱').max(200).nullable().optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

/** Edit a user (admin). */
export const UpdateUserInputSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  unitId: z.string().uuid().nullable().optional(),
  email: z.email('请填写有效的电子邮箱').max(200).nullable().optional(),
  disabled: z.boolean().optional(),
  mustChangePassword: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

/** A user as the API returns it. */
export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** What the viewing administrator may do with this account (none on an auditor account). */
  abilities: z.object({ update: z.boolean(), resetPassword: z.boolean() }),
  /** Whether 停用 can succeed, else why (accountActions: e.g. one's own account). */
  actions: z.object({ disable: ActionAvailabilitySchema }),
});
export type User = z.infer<typeof UserSchema>;

/** Answer of a password reset: the one-time password, shown once. */
export const ResetPasswordResultSchema = z.object({ temporaryPassword: z.string() });

/** POST /api/users: the account created and its initial password (null when the administrator set one). */
export const CreateUserResultSchema = z.object({ user: UserSchema, temporaryPassword: z.string().nullable() });
/** The answer to creating an account. */
export type CreateUserResult = z.infer<typeof CreateUserResultSchema>;
