import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../plugins/access.ts';
import { getFile } from '../use-cases/file/get-file.ts';

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/files/:id',
    {
      config: roles('unit', 'center'),
      schema: {
        tags: ['files'],
        summary: '下载上传的文件（本单位或市职鉴中心）',
        params: z.object({ id: z.uuid('文件编号格式不正确') }),
        querystring: z.object({ download: z.enum(['0', '1']).optional() }),
      },
    },
    async (request, reply) => {
      const file = await getFile(request.ctx, request.params.id);
      const download = request.query.download === '1';
      return (
        reply
          .header('content-type', file.mime)
          .header('content-length', String(file.size))
          .header('x-content-type-options', 'nosniff')
          // Shown inside the editor's viewer (iframe/object) on the same origin, and nothing in it may run.
          .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'")
          .header('x-frame-options', 'SAMEORIGIN')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
          .send(file.content)
      );
    },
  );
};
