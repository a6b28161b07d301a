import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { z } from 'zod';
import { FormViewSchema } from '@zhengji/domain/form/form-view.schemas.ts';
import { DateTimeSchema } from '@zhengji/domain/shared/wire.ts';
import { createTestApp } from '../../test/test-app.ts';
import { fastSerializerOf, responseSerializerCompiler } from './response-serializer.ts';

// The real app's routes (opened once for the file: building it is the slow part, not the test).
const { app } = await createTestApp();

const View = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'submitted']),
  at: DateTimeSchema,
  until: DateTimeSchema.nullable(),
  scan: z.object({ name: z.string(), size: z.number() }).nullable(),
  counts: z.record(z.string(), z.number()),
  rows: z.array(z.object({ reason: z.string(), industries: z.array(z.string()), n: z.number().int().nullable() })),
  extra: z.unknown(),
});

async function serverAnswering(data: unknown, checkResponses: boolean, schema: z.ZodType = View) {
  const app = Fastify();
  app.setSerializerCompiler(responseSerializerCompiler({ checkResponses }));
  app.get('/v', { schema: { response: { 200: schema } } }, async () => data);
  const res = await app.inject({ method: 'GET', url: '/v' });
  await app.close();
  return res;
}

const sample = {
  id: '0a7e7f06-c4f0-4371-b986-ea9a8525c6f9',
  status: 'draft',
  at: new Date('2024-10-22T06:03:05.000Z'),
  until: null,
  scan: { name: '推荐表“盖章”\n扫描件.pdf', size: 12 },
  counts: { 养老护理: 2 },
  rows: [{ reason: '<script>&\u2028😀', industries: ['养老'], n: null }],
  extra: { nested: [1, 'a'] },
};

describe('the compiled response serializer', () => {
  it('writes exactly what zod encodes: dates as ISO strings, nulls, records, unknown values, hostile text', async () => {
    const filled = { ...sample, until: new Date('2024-10-25T10:00:00Z'), scan: null, rows: [{ reason: '', industries: [], n: 3 }] };
    for (const check of [false, true]) {
      for (const data of [sample, filled]) {
        const res = await serverAnswering(data, check);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual(JSON.parse(JSON.stringify(z.encode(View, data as z.output<typeof View>))));
        expect(res.json().at).toBe('2024-10-22T06:03:05.000Z');
      }
    }
  });

  it('drops properties the schema does not declare (nothing leaks past the view)', async () => {
    const res = await serverAnswering({ ...sample, passwordHash: 'secret', scan: { ...sample.scan, storagePath: '/data/x' } }, false);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('storagePath');
  });

  it('refuses an answer that lacks a required property', async () => {
    const { id: _id, ...withoutId } = sample;
    const res = await serverAnswering(withoutId, false);
    expect(res.statusCode).toBe(500);
  });

  it('in the tests’ configuration also checks the answer against the schema (a wrong status fails the request)', async () => {
    const res = await serverAnswering({ ...sample, status: 'deleted' }, true);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('deleted');
  });

  it('falls back to zod’s encoder for a schema JSON Schema cannot express', async () => {
    const res = await serverAnswering({ when: new Date('2024-10-22T06:03:05Z') }, false, z.object({ when: z.date() }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ when: '2024-10-22T06:03:05.000Z' });
  });

  it('compiles every route’s response schema (none falls back), the form view included', async () => {
    const failures: string[] = [];
    let compiled = 0;
    for (const route of app.routeTable) {
      const responses = (route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
      for (const [code, schema] of Object.entries(responses)) {
        if (fastSerializerOf(schema)) compiled++;
        else failures.push(`${route.method} ${route.url} ${code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(compiled).toBeGreaterThan(80);
    expect(fastSerializerOf(FormViewSchema)).not.toBeNull();
  });
});
