import type { Db } from './client.ts';

/** What Drizzle's prepared queries of both drivers (node-postgres, PGlite) hold: the connection they run on. */
interface BoundStatement {
  client: unknown;
}

/** The connection a handle runs its statements on: the pool or PGlite for the root handle, the transaction's own inside one. */
function clientOf(db: Db): unknown {
  return (db as unknown as { session: { client: unknown } }).session.client;
}

/** The handles sharing one Drizzle instance (the root handle and its transactions) share its dialect. */
function familyOf(db: Db): object {
  return (db as unknown as { dialect: object }).dialect;
}

/**
 * A statement built once per database and reused: Drizzle builds its SQL text and result mapping once, and on
 * PostgreSQL the statement is named, so each connection parses and plans it once. Inside a transaction the one
 * statement is rebound to the transaction's connection (a view of it with another `client`: nothing is rebuilt),
 * so a hot statement costs the same in a transaction as outside one.
 */
export function preparedFor<T extends object>(prepare: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<object, T>();
  const bound = new WeakMap<object, T>();
  return (db) => {
    const client = clientOf(db) as object;
    const hit = bound.get(client);
    if (hit) return hit;
    const family = familyOf(db);
    let statement = built.get(family);
    if (!statement) {
      statement = prepare(db);
      built.set(family, statement);
    }
    const own = (statement as unknown as BoundStatement).client === client ? statement : (Object.create(statement, { client: { value: client } }) as T);
    bound.set(client, own);
    return own;
  };
}

/** A statement of fixed text sent by the driver itself (no query building), named so each connection plans it once. */
export interface FixedStatement {
  name: string;
  text: string;
}

interface PgliteLike {
  exec: unknown;
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}
interface NodePgLike {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a fixed statement with its parameters on the handle's connection (the transaction's inside one) and returns
 * its rows as the driver parsed them, for the hot writes whose text never changes. Cast every parameter in the text ($1::uuid …): PGlite types them from it.
 */
export async function runFixed<R = Record<string, unknown>>(db: Db, statement: FixedStatement, values: unknown[]): Promise<R[]> {
  const client = clientOf(db) as PgliteLike | NodePgLike;
  const result =
    typeof (client as PgliteLike).exec === 'function'
      ? await (client as PgliteLike).query(statement.text, values)
      : await (client as NodePgLike).query({ name: statement.name, text: statement.text, values });
  return result.rows as R[];
}
