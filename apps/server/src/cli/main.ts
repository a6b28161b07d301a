import { parseArgs } from 'node:util';
import { systemClock } from '@zhengji/domain';
import { loadConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { redactError } from '../plugins/log-redaction.ts';
import { HELP, runCommand } from './commands.ts';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    return await runCommand(command, values, {
      db: database.db,
      config,
      clock: systemClock,
      print: (l) => console.log(l),
      printError: (l) => console.error(l),
    });
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  // A failed query's message lists its parameters (personal data): print the redacted one.
  (err: unknown) => {
    console.error(`错误：${redactError(err).message}`);
    process.exit(1);
  },
);
