import type { FastifyRequest } from 'fastify';
import { DomainError, findTextProblem, textProblemMessage } from '@zhengji/domain';

/** One uploaded file as the use cases take it; `truncated` when it went over the multipart size limit. */
export interface UploadedFile {
  content: Buffer;
  originalName: string;
  truncated?: boolean;
}

/** The answer to a multipart body that cannot be read to its end. */
export const MALFORMED_MULTIPART_MESSAGE = '上传的内容不完整或格式不正确（可能上传中断），请重新选择文件上传';

/**
 * What a failure while reading a multipart body means: the size and count limits keep their own errors (answered 413
 * by the error handler); a body without a boundary, cut short or with broken part headers is a Chinese 400. Use it
 * only around the reading of the request's parts.
 */
export function multipartReadError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('FST_') && code !== 'FST_MP_PREMATURE_CLOSE') return err;
  return new DomainError('VALIDATION', MALFORMED_MULTIPART_MESSAGE);
}

/** An uploaded file's name as it may be stored and shown: control characters and path separators become "_". */
export function cleanFileName(name: string, fallback = ''): string {
  const cleaned = [...name.replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, '_')]
    .filter((c) => c.length === 2 || !/[\uD800-\uDFFF]/.test(c))
    .slice(0, 200)
    .join('');
  return cleaned || fallback;
}

/** Refuses multipart text fields holding what no field may hold (control characters, impossible dates), naming the field. */
export function checkMultipartFields(fields: Record<string, string>, labels: Record<string, string> = {}): void {
  const found = findTextProblem(fields);
  if (found) throw new DomainError('VALIDATION', textProblemMessage(found, labels));
}

/**
 * Reads the single file of a multipart request. A file over the size limit comes back empty and `truncated`, so that
 * the use case answers with its own message about the limit; `what` names the file in the message for a request that is
 * not multipart, and a request without a file is refused with `missing`.
 */
export async function readSingleUpload(request: FastifyRequest, what: string, missing: string, fallbackName = ''): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', `请以文件上传（multipart/form-data）的方式提交${what}`);
  const part = await request.file().catch((err: unknown) => {
    throw multipartReadError(err);
  });
  if (!part) throw new DomainError('VALIDATION', missing);
  const originalName = cleanFileName(part.filename, fallbackName);
  try {
    return { content: await part.toBuffer(), originalName };
  } catch (err) {
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw multipartReadError(err);
    return { content: Buffer.alloc(0), originalName, truncated: true };
  }
}
