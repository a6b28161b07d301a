import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Finding, FormHeader, FormRow, ReferenceSearchResult } from '@zhengji/domain';
import type { FormHistory } from '@zhengji/domain/form/form-history.schemas.ts';
import type {
  FormSavedJson as FormSaved,
  FormVersionDetailJson as FormVersionDetail,
  FormVersionSummaryJson as FormVersionSummary,
  FormViewJson as FormView,
  ScanUploadResultJson as ScanUploadResult,
} from '@zhengji/domain/form/form-view.schemas.ts';
import { ApiError, api } from '../../lib/api.ts';

export type {
  FileInfo,
  FormRowView,
  FormViewJson as FormView,
  FormVersionSummaryJson as FormVersionSummary,
  ScanUploadResultJson as ScanUploadResult,
  RowChange,
  FormVersionDetailJson as FormVersionDetail,
} from '@zhengji/domain/form/form-view.schemas.ts';
export type { FormHistory, FormHistoryEntry } from '@zhengji/domain/form/form-history.schemas.ts';

/** Query keys of the form feature. */
export const formKeys = {
  all: ['forms'] as const,
  mine: (campaignId?: string) => [...formKeys.all, 'mine', campaignId ?? 'open'] as const,
  versions: (id: string) => [...formKeys.all, id, 'versions'] as const,
  version: (id: string, n: number) => [...formKeys.all, id, 'versions', n] as const,
};

/** The unit's form in the open campaign (created on first access). */
export function useMyForm(campaignId?: string) {
  return useQuery({ queryKey: formKeys.mine(campaignId), queryFn: () => api.get<FormView>('/api/forms/mine', { campaignId }), staleTime: Infinity });
}

/** PUT /api/forms/:id/content: header and all rows, from `version`; answers the new version and each row's findings. */
export const saveForm = (id: string, body: { version: number; header: FormHeader; rows: FormRow[] }) => api.put<FormSaved>(`/api/forms/${id}/content`, body);

/** POST /api/eligibility/check against the campaign's reference data. */
export const checkEligibility = (campaignId: string, rows: FormRow[], signal?: AbortSignal) =>
  api.post<{ rows: { findings: Finding[] }[] }>('/api/eligibility/check', { campaignId, rows }, { signal });

/** GET /api/reference/search?q=: occupations and 工种 by code, name or pinyin. */
export const searchOccupations = (q: string, campaignId: string, signal?: AbortSignal) =>
  api.get<ReferenceSearchResult[]>('/api/reference/search', { q, campaignId, limit: 20 }, { signal });

/** The URL of a stored file (inline), for the viewer. */
export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

function csrfToken(): string | null {
  const hit = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('zj_csrf='));
  return hit ? decodeURIComponent(hit.slice('zj_csrf='.length)) : null;
}

/** POST /api/forms/:id/scan as multipart (lib/api.ts speaks JSON only): the QR code is read and compared with the 定稿. */
export async function uploadScan(id: string, file: File): Promise<ScanUploadResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const token = csrfToken();
  const response = await fetch(`/api/forms/${encodeURIComponent(id)}/scan`, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
  });
  const json = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, json.code ?? `HTTP_${response.status}`, json.message ?? '上传失败，请稍后重试');
  return json as unknown as ScanUploadResult;
}

/** POST /api/forms/:id/scan/code: the code typed from an unreadable scan (人工核对). */
export const confirmScanCode = (id: string, code: string) => api.post<ScanUploadResult>(`/api/forms/${id}/scan/code`, { code });

function useFormCommand<T>(fn: (input: T) => Promise<FormView>, campaignId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (form) => {
      queryClient.setQueryData(formKeys.mine(campaignId), form);
      void queryClient.invalidateQueries({ queryKey: [...formKeys.all, form.id] });
    },
  });
}

/** POST /api/forms/:id/submit. */
export const useSubmitForm = (campaignId?: string) =>
  useFormCommand(({ id, version }: { id: string; version: number }) => api.post<FormView>(`/api/forms/${id}/submit`, { version }), campaignId);

/** POST /api/forms/:id/finalize: freeze the content as the next version to print and seal. */
export const useFinalizeForm = (campaignId?: string) =>
  useFormCommand(({ id, version }: { id: string; version: number }) => api.post<FormView>(`/api/forms/${id}/finalize`, { version }), campaignId);

/** POST /api/forms/:id/unfinalize: void the 定稿 so that the content can be edited again. */
export const useUnfinalizeForm = (campaignId?: string) =>
  useFormCommand(({ id, version }: { id: string; version: number }) => api.post<FormView>(`/api/forms/${id}/unfinalize`, { version }), campaignId);

/** POST /api/forms/:id/withdraw. */
export const useWithdrawForm = (campaignId?: string) => useFormCommand((id: string) => api.post<FormView>(`/api/forms/${id}/withdraw`), campaignId);

/** The submitted versions of a form. */
export function useFormVersions(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: formKeys.versions(id ?? ''),
    queryFn: () => api.get<FormVersionSummary[]>(`/api/forms/${id ?? ''}/versions`),
    enabled: enabled && !!id,
  });
}

/** One version with its diff from the previous one. */
export function useFormVersion(id: string | undefined, n: number | null) {
  return useQuery({
    queryKey: formKeys.version(id ?? '', n ?? 0),
    queryFn: () => api.get<FormVersionDetail>(`/api/forms/${id ?? ''}/versions/${String(n)}`),
    enabled: !!id && n !== null && n > 0,
  });
}

/** The unit's history of forms and outcomes (kept after the campaign closes). */
export function useFormHistory(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['forms', 'mine', 'history'],
    queryFn: () => api.get<FormHistory>('/api/forms/mine/history'),
    refetchInterval: 120_000,
  });
}
