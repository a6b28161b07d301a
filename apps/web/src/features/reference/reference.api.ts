import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListEntryInput, ReferenceDatasetKind, ReferenceSearchResult } from '@zhengji/domain';

export type { ListEntryInput } from '@zhengji/domain';
import type { ListKind, ListView, OccupationDetail, ReferenceVersion, TreeNode } from '@zhengji/domain/reference/reference-view.schemas.ts';
import { ApiError, api } from '../../lib/api.ts';

export type {
  DiffItem,
  ImportReport,
  ListEntryView as ListEntry,
  ListKind,
  ListView,
  OccupationDetail,
  ReferenceVersion,
  RowIssue as ReportIssue,
  TreeNode,
} from '@zhengji/domain/reference/reference-view.schemas.ts';

/** Query keys of the reference feature. */
export const referenceKeys = {
  all: ['reference'] as const,
  search: (q: string) => [...referenceKeys.all, 'search', q] as const,
  tree: (parent: string) => [...referenceKeys.all, 'tree', parent] as const,
  occupation: (code: string) => [...referenceKeys.all, 'occupation', code] as const,
  versions: (kind?: string) => [...referenceKeys.all, 'versions', kind ?? 'all'] as const,
  version: (id: string) => [...referenceKeys.all, 'version', id] as const,
  list: (kind: ListKind) => [...referenceKeys.all, 'list', kind] as const,
};

/** Search results for a query (empty query: none). */
export function useReferenceSearch(q: string) {
  return useQuery({
    queryKey: referenceKeys.search(q),
    queryFn: ({ signal }) => api.get<ReferenceSearchResult[]>('/api/reference/search', { q, limit: 50 }, { signal }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** GET /api/reference/tree?parent=. */
export const fetchTreeChildren = (parent: string) => api.get<TreeNode[]>('/api/reference/tree', { parent });

/** The top of the tree (major groups). */
export function useTreeRoots() {
  return useQuery({ queryKey: referenceKeys.tree(''), queryFn: () => fetchTreeChildren('') });
}

/** One node's detail. */
export function useOccupation(code: string | null) {
  return useQuery({
    queryKey: referenceKeys.occupation(code ?? ''),
    queryFn: () => api.get<OccupationDetail>(`/api/reference/occupations/${encodeURIComponent(code ?? '')}`),
    enabled: code !== null,
  });
}

/** Dataset versions, newest first. */
export function useReferenceVersions(kind?: ReferenceDatasetKind) {
  return useQuery({ queryKey: referenceKeys.versions(kind), queryFn: () => api.get<ReferenceVersion[]>('/api/reference/versions', { kind }) });
}

/** One version with its import report. */
export function useReferenceVersion(id: string) {
  return useQuery({ queryKey: referenceKeys.version(id), queryFn: () => api.get<ReferenceVersion>(`/api/reference/versions/${encodeURIComponent(id)}`) });
}

function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: referenceKeys.all });
}

/** POST /api/reference/versions/:id/activate. */
export function useActivateVersion() {
  const onSuccess = useInvalidateAll();
  return useMutation({ mutationFn: (id: string) => api.post<ReferenceVersion>(`/api/reference/versions/${encodeURIComponent(id)}/activate`), onSuccess });
}

/** DELETE /api/reference/versions/:id (drafts only). */
export function useDiscardVersion() {
  const onSuccess = useInvalidateAll();
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/reference/versions/${encodeURIComponent(id)}`), onSuccess });
}

/** Fields of an import. */
export interface ImportRequest {
  kind: ReferenceDatasetKind;
  name?: string;
  sourceDocument?: string;
  effectiveDate?: string;
  files: File[];
  csrfToken: string;
}

/** POST /api/reference/versions (multipart): uploads files and answers the preview version. */
export async function uploadReferenceImport(req: ImportRequest): Promise<ReferenceVersion> {
  const form = new FormData();
  form.set('kind', req.kind);
  if (req.name) form.set('name', req.name);
  if (req.sourceDocument) form.set('sourceDocument', req.sourceDocument);
  if (req.effectiveDate) form.set('effectiveDate', req.effectiveDate);
  for (const f of req.files) form.append('file', f, f.name);
  let res: Response;
  try {
    res = await fetch('/api/reference/versions', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': req.csrfToken, accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; details?: Record<string, unknown> };
  if (!res.ok) throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `导入失败（${res.status}）`, body.details);
  return body as unknown as ReferenceVersion;
}

/** The import as a mutation. */
export function useImportReference() {
  const onSuccess = useInvalidateAll();
  return useMutation({ mutationFn: uploadReferenceImport, onSuccess });
}

/** A Shanghai list with its entries. */
export function useReferenceList(kind: ListKind) {
  return useQuery({ queryKey: referenceKeys.list(kind), queryFn: () => api.get<ListView>(`/api/reference/lists/${kind}`) });
}

/** Add (entryId null), change or delete an entry; each answers the new list. */
export function useSaveListEntry(kind: ListKind) {
  const onSuccess = useInvalidateAll();
  return useMutation({
    mutationFn: ({ entryId, input }: { entryId: string | null; input: ListEntryInput }) =>
      entryId === null
        ? api.post<ListView>(`/api/reference/lists/${kind}/entries`, input)
        : api.put<ListView>(`/api/reference/lists/${kind}/entries/${encodeURIComponent(entryId)}`, input),
    onSuccess,
  });
}

/** DELETE an entry of a Shanghai list. */
export function useDeleteListEntry(kind: ListKind) {
  const onSuccess = useInvalidateAll();
  return useMutation({
    mutationFn: ({ entryId, baseVersionId }: { entryId: string; baseVersionId: string | null }) =>
      api.delete<ListView>(`/api/reference/lists/${kind}/entries/${encodeURIComponent(entryId)}`, { query: { baseVersionId } }),
    onSuccess,
  });
}
