import type { Actor, Clock } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import type { Mailer } from '../plugins/mailer.ts';

/** What every use case receives: the database, who acts, the clock, and where the request came from. */
export interface UseCaseContext {
  db: Db;
  actor: Actor;
  clock: Clock;
  ip: string | null;
  config: Config;
  mailer: Mailer;
}
