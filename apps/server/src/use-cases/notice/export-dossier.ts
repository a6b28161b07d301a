import { PassThrough, type Readable } from 'node:stream';
import { ZipArchive, type Archiver } from 'archiver';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { sealAuditLog } from '../audit/seal-audit.ts';
import { dossierName } from '../../documents/dossier-csv.ts';
import { authorizeNotice, loadCampaign } from '../../db/queries/notice.ts';
import { writeDossierEntries, type AddEntry } from '../../presenters/dossier-entries.ts';

/** Adds entries one at a time, waiting until archiver has taken each in, so memory holds about one file. */
function sequentialAppender(zip: Archiver): AddEntry {
  return (name, content) =>
    new Promise<void>((resolve, reject) => {
      const onEntry = () => {
        zip.off('error', onError);
        resolve();
      };
      const onError = (e: Error) => {
        zip.off('entry', onEntry);
        reject(e);
      };
      zip.once('entry', onEntry);
      zip.once('error', onError);
      // Scans, evidence, PDFs and OFDs are already compressed: store them, deflate only the text entries.
      zip.append(content, { name, date: new Date('2024-01-01T00:00:00Z'), store: typeof content !== 'string' });
    });
}

/** The dossier's file name: the campaign's title (which carries its year), e.g. 2024年…征集-档案.zip. */
export function dossierFileName(title: string): string {
  return `${dossierName(title, 120)}-档案.zip`;
}

/**
 * The campaign's dossier (档案) as a streamed ZIP for the records office (center only; holds objectors' personal
 * data): rendered 推荐表 of every version, scans, the notice and final list as issued, Chinese CSVs and a 说明.txt.
 * `siteUrl` is the public site's address printed in the notice documents. The export is audited.
 */
export async function exportDossier(ctx: UseCaseContext, campaignId: string, siteUrl: string): Promise<{ fileName: string; stream: Readable }> {
  authorizeNotice(ctx, 'dossier.export');
  const campaign = await loadCampaign(ctx.db, campaignId);
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'campaign.exportDossier', objectType: 'campaign', objectId: campaignId }));
  // audit.csv carries each row's hash: chain what has committed so far (this export's own row included).
  await sealAuditLog(ctx.db, { wait: true });
  // audit.csv carries each row's hash: chain what has committed so far (this export's own row included).
  await sealAuditLog(ctx.db, { wait: true });
  const zip = new ZipArchive({ zlib: { level: 6 }, highWaterMark: 1024 * 1024 });
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  zip.pipe(out);
  void writeDossierEntries(ctx.db, campaignId, siteUrl, sequentialAppender(zip))
    .then(() => zip.finalize())
    .catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return { fileName: dossierFileName(campaign.title), stream: out };
}
