import { Readable } from 'node:stream';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { storedFileChunks } from '../db/schema/index.ts';

/** How many chunks one read fetches (4 × 256 KB): short statements, about a megabyte in memory. */
const CHUNKS_PER_READ = 4;

/** The content of a stored file as a stream, read a few chunks per statement so that other requests interleave. */
export function streamFileContent(db: Db, fileId: string): Readable {
  return Readable.from(chunksOf(db, fileId), { objectMode: false });
}

async function* chunksOf(db: Db, fileId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += CHUNKS_PER_READ) {
    const rows = await db
      // As base64 text: PGlite decodes a bytea result byte by byte, several times slower than encode() in SQL.
      .select({ base64: sql<string>`encode(${storedFileChunks.bytes}, 'base64')` })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.fileId, fileId), gte(storedFileChunks.seq, seq)))
      .orderBy(asc(storedFileChunks.seq))
      .limit(CHUNKS_PER_READ);
    for (const r of rows) yield Buffer.from(r.base64, 'base64');
    if (rows.length < CHUNKS_PER_READ) return;
  }
}

/** The whole content of a stored file in memory (for archives that need a Buffer); prefer streamFileContent. */
export async function readFileContent(db: Db, fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of chunksOf(db, fileId)) parts.push(b);
  return Buffer.concat(parts);
}
