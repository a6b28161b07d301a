import type { FastifyRequest } from 'fastify';
import { DomainError } from '@zhengji/domain';

/** One uploaded file as the use cases take it; `truncated` when it went over the multipart size limit. */
export interface UploadedFile {
  content: Buffer;
  originalName: string;
  truncated?: boolean;
}

/**
 * Reads the single file of a multipart request. A file over the size limit comes back empty and `truncated`, so that
 * the use case answers with its own message about the limit; `what` names the file in the message for a request that is
 * not multipart, and a request without a file is refused with `missing`.
 */
export async function readSingleUpload(request: FastifyRequest, what: string, missing: string, fallbackName = ''): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', `请以文件上传（multipart/form-data）的方式提交${what}`);
  const part = await request.file();
  if (!part) throw new DomainError('VALIDATION', missing);
  const originalName = part.filename || fallbackName;
  try {
    return { content: await part.toBuffer(), originalName };
  } catch (err) {
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    return { content: Buffer.alloc(0), originalName, truncated: true };
  }
}
