import { LoginInputSchema } from '@zhengji/domain/auth/auth.schemas.ts';
import { installChineseZodMessages } from '@zhengji/domain/shared/zod-zh.ts';
import { zodFieldCheck } from '../../lib/zod-rules.ts';

// The login form's checks: the domain's LoginInputSchema with its Chinese messages, as the antd forms check theirs
// (lib/zod-rules.ts). The login page loads this module after it has painted (zod is not needed to show the page).
installChineseZodMessages();

/** The message each login field's value is refused with, or undefined. */
export const loginChecks = {
  username: zodFieldCheck(LoginInputSchema, 'username', '用户名'),
  password: zodFieldCheck(LoginInputSchema, 'password', '密码'),
};
