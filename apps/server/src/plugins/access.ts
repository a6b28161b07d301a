import type { Role } from '@zhengji/domain';

/**
 * Who may call a route, declared on every route as `config: { access }`:
 * 'public' (anyone), 'user' (any logged-in user), or a list of roles.
 * A route without a declaration is refused (deny by default), and a test fails.
 */
export type RouteAccess = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Allowed while the user still has to change the initial password. */
    allowPendingPasswordChange?: boolean;
  }
}

/** Shorthand declarations. */
export const PUBLIC = { access: 'public' } as const;
export const ANY_USER = { access: 'user' } as const;
/** Declares the roles that may call a route. */
export const roles = (...r: Role[]) => ({ access: r });
