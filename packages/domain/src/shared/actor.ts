/** The roles of the system (product.md §1). */
export const ROLES = ['admin', 'center', 'unit', 'expert', 'auditor'] as const;

/** A role. */
export type Role = (typeof ROLES)[number];

/** Chinese label of each role. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  center: '市职鉴中心',
  unit: '推荐单位经办人',
  expert: '评估专家',
  auditor: '审计管理员',
};

/** Who performs a command: the logged-in user, or the public (not logged in). */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      username: string;
      role: Role;
      unitId: string | null;
      /** When center staff act on behalf of a unit, the unit they act for. */
      onBehalfOfUnitId?: string | null;
    }
  | { kind: 'public' };

/** The public, not logged in. */
export const PUBLIC_ACTOR: Actor = { kind: 'public' };

/** True when the actor is a logged-in user with one of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user' && roles.includes(actor.role);
}
