import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the application's role may do, as the owner grants it after each migration (docs/database-roles.md shows the
 * same statements): read and write every table, but only read and append the audit log and its hash chain
 * (audit_seals), so that neither the app nor anyone holding its password can rewrite history. UPDATE on sequences is for restore, which resets the counters.
 */
export function appRoleGrants(appRole: string): string[] {
  const app = quoteIdent(appRole);
  return [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE ALL ON audit_log FROM PUBLIC`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${app}`,
    `GRANT SELECT, INSERT ON audit_log TO ${app}`,
    `REVOKE ALL ON audit_seals FROM PUBLIC`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_seals FROM ${app}`,
    `GRANT SELECT, INSERT ON audit_seals TO ${app}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
  ];
}

/** Grants the application's role its rights; run as the owner (idempotent), never with the owner's own role. */
export async function grantAppRole(ownerDb: Db, appRole: string): Promise<void> {
  await ownerDb.transaction(async (tx) => {
    for (const statement of appRoleGrants(appRole)) await tx.execute(sql.raw(statement));
  });
}

/** The role a connection acts as. */
export async function currentRole(db: Db): Promise<string> {
  const result = (await db.execute(sql`SELECT current_user AS name`)) as unknown as { rows: { name: string }[] };
  return result.rows[0]!.name;
}
