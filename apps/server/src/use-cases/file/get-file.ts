import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { DomainError, hasRole } from '@zhengji/domain';
import { storedFiles } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { streamFileContent } from '../../files/file-content.ts';

/** A stored file with its content as a stream, for download. */
export interface FileDownload {
  mime: string;
  originalName: string;
  size: number;
  sha256: string;
  content: Readable;
}

/** A stored file: the center reads every file, a unit user only its own unit's; others get NOT_FOUND. */
export async function getFile(ctx: UseCaseContext, id: string): Promise<FileDownload> {
  const actor = requireAllowed(hasRole(ctx.actor, 'center', 'unit'), ctx.actor);
  const [row] = await ctx.db.select().from(storedFiles).where(and(eq(storedFiles.id, id), eq(storedFiles.pending, false)));
  const mayRead = row && (actor.role === 'center' || (actor.unitId !== null && row.ownerUnitId === actor.unitId));
  if (!row || !mayRead) throw new DomainError('NOT_FOUND', '该文件不存在或您无权查看');
  return { mime: row.mime, originalName: row.originalName, size: row.size, sha256: row.sha256, content: streamFileContent(ctx.db, row.id) };
}
