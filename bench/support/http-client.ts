// A lean HTTP/1.1 client for load: node:http over kept-alive sockets. Node's fetch (undici with WHATWG streams) costs
// the bench process about as much CPU per request as the server spends on it, and on this 2-core machine the load
// generator's CPU is taken from the server and the database it measures; a load generator should cost little.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  body: string;
}

/** One request; resolves with the status and the whole body as text, rejects on a network error. */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
    const req = http.request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export const isOk = (a: HttpAnswer) => a.status >= 200 && a.status < 300;
