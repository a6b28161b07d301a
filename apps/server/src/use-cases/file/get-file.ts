import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { storedFiles } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { assertAccess } from '../../access/require-access.ts';
import { streamFileContent } from '../../files/file-content.ts';

/** A stored file with its content as a stream, for download. */
export interface FileDownload {
  mime: string;
  originalName: string;
  size: number;
  sha256: string;
  content: Readable;
}

/** A stored file, as the object gate allows (the center every file, a unit user only its own unit's; others NOT_FOUND). */
export async function getFile(ctx: UseCaseContext, id: string): Promise<FileDownload> {
  const [row] = await ctx.db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, id), eq(storedFiles.pending, false)));
  assertAccess(ctx.actor, 'file.read', row);
  return { mime: row.mime, originalName: row.originalName, size: row.size, sha256: row.sha256, content: streamFileContent(ctx.db, row.id) };
}
