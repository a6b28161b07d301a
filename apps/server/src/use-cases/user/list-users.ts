import type { User } from '@zhengji/domain';
import { selectUsers } from '../../db/queries/users.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizePlatform } from '../authorize.ts';

/** Lists all accounts (admin). */
export async function listUsers(ctx: UseCaseContext): Promise<User[]> {
  authorizePlatform(ctx.actor, 'user.list');
  return selectUsers(ctx.db);
}
