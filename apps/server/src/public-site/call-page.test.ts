import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createCampaignRow } from '../../test/notice-factories.ts';

const { app, db } = await createTestApp({}, { serveWeb: true });

describe('public call page', () => {
  it('renders the call from the campaign fields, links the offline template, and shows no contact person or phone', async () => {
    const campaign = await createCampaignRow(db);
    const page = await app.inject({ method: 'GET', url: `/public/campaigns/${campaign.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(campaign.docNo);
    expect(page.body).toContain(`/api/campaigns/${campaign.id}/template.xlsx`);
    if (campaign.contactPhone) expect(page.body).not.toContain(campaign.contactPhone);
    const template = await app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/template.xlsx` });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
  });
});
