import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import { TEST_PASSWORD } from './factories.ts';

/** A logged-in client: injects requests with the session cookie and CSRF header. */
export interface Session {
  cookie: string;
  csrf: string;
  inject(opts: InjectOptions): Promise<InjectResponse>;
}

/** Logs in through the API and returns a client carrying the session. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD, ip = '127.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const sid = cookies.find((c) => c.name === 'zj_sid')!.value;
  const csrf = cookies.find((c) => c.name === 'zj_csrf')!.value;
  const cookie = `zj_sid=${sid}; zj_csrf=${csrf}`;
  return {
    cookie,
    csrf,
    inject: (opts): Promise<InjectResponse> => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
  };
}
