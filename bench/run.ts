// npm run bench [-- name…]: runs every bench/*.bench.ts (or those whose name contains an argument) and prints its figures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const file of files) {
  const started = Date.now();
  console.log(`\n== ${file}`);
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<Record<string, number | string>> };
    const figures = await mod.run();
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(52)} ${typeof v === 'number' ? Number(v.toFixed(3)) : v}`);
  } catch (err) {
    failed++;
    console.log(`  失败：${err instanceof Error ? err.stack : String(err)}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
