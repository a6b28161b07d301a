import { z } from 'zod';
import { ROLES } from '../shared/actor.ts';
import { PASSWORD_MAX_LENGTH } from './password.rules.ts';
import { ME_ABILITIES } from './me-abilities.ts';

/** Login request. */
export const LoginInputSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(PASSWORD_MAX_LENGTH),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** Change-password request. */
export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1, '请输入新密码').max(PASSWORD_MAX_LENGTH),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

/** The logged-in user as GET /api/me answers. */
export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  /** Every ability of ME_ABILITIES, true or false. */
  abilities: z.record(z.enum(ME_ABILITIES), z.boolean()),
});
export type Me = z.infer<typeof MeSchema>;
