import { useMutation, useQuery } from '@tanstack/react-query';
import type { ImportPreviewJson as ImportPreview } from '@zhengji/domain/form/form-view.schemas.ts';
import { ApiError, api, downloadFile } from '../../lib/api.ts';
import type { FormView } from './form.api.ts';

/** The formats the 推荐表 downloads in. */
export type FormDocumentFormat = 'docx' | 'pdf' | 'xlsx';

export type { ImportProblem, ImportPreviewJson as ImportPreview } from '@zhengji/domain/form/form-view.schemas.ts';

/** Downloads the 推荐表 of a form: the current draft, or submitted version `version`. */
export const downloadFormDocument = (formId: string, format: FormDocumentFormat, version?: number) =>
  downloadFile(`/api/forms/${encodeURIComponent(formId)}/document.${format}`, { version }, `推荐表.${format}`);

/** Downloads the offline Excel template of a campaign (with the unit's name for a unit user). */
export const downloadFormTemplate = (campaignId: string) =>
  downloadFile(`/api/campaigns/${encodeURIComponent(campaignId)}/template.xlsx`, undefined, '推荐表模板.xlsx');

function csrfToken(): string | null {
  const hit = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('zj_csrf='));
  return hit ? decodeURIComponent(hit.slice('zj_csrf='.length)) : null;
}

/** Uploads a filled template or Word 推荐表 for a preview (multipart; lib/api.ts speaks JSON only). */
export async function previewImport(formId: string, file: File): Promise<ImportPreview> {
  const body = new FormData();
  body.append('file', file, file.name);
  const token = csrfToken();
  const response = await fetch(`/api/forms/${encodeURIComponent(formId)}/imports`, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
  });
  const json = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, json.code ?? `HTTP_${response.status}`, json.message ?? '导入失败，请稍后重试');
  return json as unknown as ImportPreview;
}

/** Upload → preview. */
export const usePreviewImport = () => useMutation({ mutationFn: ({ formId, file }: { formId: string; file: File }) => previewImport(formId, file) });

/** Confirms a preview: the draft's rows are replaced; answers the form as saved. */
export const useConfirmImport = () =>
  useMutation({
    mutationFn: ({ formId, previewId, version }: { formId: string; previewId: string; version: number }) =>
      api.post<FormView>(`/api/forms/${encodeURIComponent(formId)}/imports/${encodeURIComponent(previewId)}/confirm`, { version }),
  });

/** Drops a preview (the draft was never touched). */
export const discardImport = (formId: string, previewId: string) =>
  api.delete<void>(`/api/forms/${encodeURIComponent(formId)}/imports/${encodeURIComponent(previewId)}`);

/** The recommending units (for the center to choose whom to import for). */
export const useUnits = () =>
  useQuery({ queryKey: ['form-documents', 'units'], queryFn: () => api.get<{ id: string; name: string }[]>('/api/units'), staleTime: 60_000 });

/** Center: the unit's form in the open campaign, opened (and created if need be) on behalf of the unit. */
export const useOpenUnitForm = () => useMutation({ mutationFn: (unitId: string) => api.post<FormView>('/api/forms/on-behalf', { unitId }) });
