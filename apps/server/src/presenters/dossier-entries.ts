import type { Readable } from 'node:stream';
import type { Db } from '../db/client.ts';
import { readDossier } from '../db/queries/dossier.ts';
import { dossierName } from '../documents/dossier-csv.ts';
import { finalDocument, noticeDocument } from '../documents/notice-list-layout.ts';
import { renderNoticeListOfd } from '../documents/notice-list.ofd.ts';
import { renderNoticeListPdf } from '../documents/notice-list.pdf.ts';
import { renderRecommendationFormPdf } from '../documents/recommendation-form.pdf.ts';
import { streamFileContent } from '../files/file-content.ts';
import { versionDocumentData } from '../use-cases/form-document/download-form-document.ts';
import { EXT, dossierLayout, dossierReadme } from './dossier-layout.ts';
import { auditCsv, campaignCsv, candidatesCsv, checksCsv, formsCsv, objectionsCsv, reviewsCsv, versionsCsv } from './dossier-tables.ts';

/**
 * The entries of a campaign's dossier (档案), in the order they are zipped: 说明.txt first (what is in it, with counts),
 * then the CSVs (Chinese headers and labels, names instead of ids, Shanghai times), each unit's 推荐表 of every
 * finalized version as printed (PDF) with its sealed scan, the notice and the final list as issued (PDF and OFD),
 * the objections' evidence. Everything is read first; rendering and file content follow one entry at a time.
 */

/** Adds one entry to the archive and resolves when it has been taken in. */
export type AddEntry = (name: string, content: string | Buffer | Readable) => Promise<void>;

/** Writes the dossier's entries through `add`; `siteUrl` is printed in the notice documents (the public page's address). */
export async function writeDossierEntries(db: Db, campaignId: string, siteUrl: string, add: AddEntry): Promise<void> {
  const d = await readDossier(db, campaignId);
  const layout = dossierLayout(d);
  const { versionFile, scanFile, issued, noticeName, finalName } = layout;
  const c = d.campaign;
  await add('说明.txt', dossierReadme(d, layout));
  await add('征集活动.csv', campaignCsv(d, layout));
  await add('推荐表/推荐表汇总.csv', formsCsv(d));
  await add('推荐表/推荐表版本.csv', versionsCsv(d, layout));
  await add('材料核验.csv', checksCsv(d, layout));
  await add('候选职业.csv', candidatesCsv(d, layout));
  await add('专家评审.csv', reviewsCsv(d, layout));

  for (const { f, unitName } of d.formRows) {
    for (const v of d.versions.filter((x) => x.formId === f.id)) {
      await add(versionFile(v), await renderRecommendationFormPdf(versionDocumentData(c.title, unitName, f.id, v)));
      if (v.scanFileId) await add(scanFile(v), streamFileContent(db, v.scanFileId));
    }
  }
  if (issued?.publishedAt && issued.snapshotHash) {
    const doc = noticeDocument(
      { ...issued, campaignTitle: c.title, snapshotHash: issued.snapshotHash, publishedAt: issued.publishedAt, contactEmail: c.contactEmail },
      siteUrl,
    );
    await add(`${noticeName}.pdf`, await renderNoticeListPdf(doc));
    await add(`${noticeName}.ofd`, await renderNoticeListOfd(doc));
  }
  if (d.notice) {
    await add('公示/异议.csv', objectionsCsv(d, layout));
    for (const o of d.objs) {
      for (const [i, file] of d.evidence.filter((e) => e.objectionId === o.id).entries())
        await add(`公示/异议证明材料/${dossierName(o.receiptNo)}/证明材料${String(i + 1)}.${EXT[file.mime] ?? 'bin'}`, streamFileContent(db, file.id));
    }
  }
  if (d.final) {
    const doc = finalDocument(
      {
        campaignTitle: c.title,
        noticeId: d.final.noticeId,
        items: d.final.items,
        removed: d.final.removed,
        hash: d.final.hash,
        publishedAt: d.final.publishedAt.toISOString(),
      },
      siteUrl,
    );
    await add(`${finalName}.pdf`, await renderNoticeListPdf(doc));
    await add(`${finalName}.ofd`, await renderNoticeListOfd(doc));
  }
  await add('审计日志.csv', auditCsv(d, layout));
}
