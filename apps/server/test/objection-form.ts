import type { FastifyInstance } from 'fastify';

/** A multipart body built by hand (fields and files), for injecting the public objection form. */
export function multipart(fields: Record<string, string>, files: { name: string; filename: string; content: Buffer; type?: string }[] = []) {
  const boundary = `----zj${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Opens the objection form and answers its arithmetic question: the hidden token and the answer. */
export async function solveChallenge(app: FastifyInstance, noticeId: string, ip = '10.0.0.1'): Promise<{ challengeToken: string; challengeAnswer: string }> {
  const res = await app.inject({ method: 'GET', url: `/public/notices/${noticeId}/objection`, remoteAddress: ip });
  const token = /name="challengeToken" value="([^"]+)"/.exec(res.body)?.[1];
  const q = /验证题：(\d+) 加 (\d+)/.exec(res.body);
  if (!token || !q) throw new Error(`no challenge in form (${res.statusCode}): ${res.body.slice(0, 300)}`);
  return { challengeToken: token.replace(/&#61;/g, '='), challengeAnswer: String(Number(q[1]) + Number(q[2])) };
}

/** Files an objection through the public form. */
export async function postObjection(
  app: FastifyInstance,
  noticeId: string,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1] = [],
  ip = '10.0.0.1',
) {
  const challenge = await solveChallenge(app, noticeId, ip);
  const body = multipart({ ...challenge, ...fields }, files);
  return app.inject({ method: 'POST', url: `/public/notices/${noticeId}/objection`, remoteAddress: ip, ...body });
}
