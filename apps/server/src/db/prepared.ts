import type { Db } from './client.ts';

/**
 * A statement built once per database handle and reused: Drizzle builds its SQL text once, and on PostgreSQL the
 * statement is named, so each connection parses and plans it once. Pass the root handle for a statement that runs
 * outside a transaction (cached for the life of the handle); inside a transaction the statement is built for that
 * transaction (still named, so the connection does not parse it again).
 */
export function preparedFor<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = prepare(db);
      cache.set(db, statement);
    }
    return statement;
  };
}
