import { accountAbilities, accountActions, type Actor, type User } from '@zhengji/domain';
import { selectUsers, type UserRow } from '../../db/queries/users.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizePlatform } from '../authorize.ts';

/** Adds what the actor may do with the account (the UI offers nothing else). */
export const presentUser = (actor: Actor, row: UserRow): User => ({ ...row, abilities: accountAbilities(actor, row), actions: accountActions(actor, row) });

/** Lists all accounts (admin); auditor accounts are listed read-only. */
export async function listUsers(ctx: UseCaseContext): Promise<User[]> {
  authorizePlatform(ctx.actor, 'user.list');
  return (await selectUsers(ctx.db)).map((u) => presentUser(ctx.actor, u));
}
