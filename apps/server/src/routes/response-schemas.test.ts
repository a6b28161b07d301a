import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

// Every JSON answer is shaped by a declared zod response schema (the domain's view schemas: the serializer drops what
// the schema does not name, and the web takes its types from the same schema). Only routes answering a file, an HTML
// page or the OpenAPI document itself are without one; each is listed here with what it answers.

const { app } = await createTestApp();

const NOT_JSON: Record<string, string> = {
  'GET /api/openapi.json': 'the OpenAPI document',
  'GET /api/audit/export': 'CSV',
  'GET /api/reference/templates/:kind': 'xlsx',
  'GET /api/forms/:id/document.:format': 'pdf / docx / ofd',
  'GET /api/campaigns/:id/template.xlsx': 'xlsx',
  'GET /api/files/:id': 'a stored file',
  'GET /api/campaigns/:id/pool.xlsx': 'xlsx',
  'GET /api/experts/template': 'xlsx',
  'GET /api/campaigns/:campaignId/review/experts/:expertId/score-sheet': 'pdf / docx',
  'GET /api/campaigns/:campaignId/review/summary': 'xlsx / docx',
  'GET /api/campaigns/:id/dossier.zip': 'zip',
};
const isPublicPage = (url: string) => url === '/public' || url.startsWith('/public/');

describe('response schemas', () => {
  it('every route answering JSON declares a zod schema for its 2xx answer', () => {
    const missing = app.routeTable
      .filter((r) => !isPublicPage(r.url) && !(`${r.method} ${r.url}` in NOT_JSON))
      .filter((r) => {
        const response = (r.schema as { response?: Record<string, { safeParse?: unknown }> } | undefined)?.response ?? {};
        return !Object.entries(response).some(([status, schema]) => status.startsWith('2') && typeof schema.safeParse === 'function');
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('the exemptions are routes that exist', () => {
    const keys = new Set(app.routeTable.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(NOT_JSON).filter((k) => !keys.has(k))).toEqual([]);
  });
});
