import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage, AuditQuery } from '@zhengji/domain';
import { api, downloadFile } from '../../lib/api.ts';

/** The audit filters (AuditQuery without paging); dates are ISO date-times with offset. */
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

export type { AuditPage } from '@zhengji/domain';

/** Query keys of the audit feature. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters, page: number, pageSize: number) => [...auditKeys.all, 'list', filters, page, pageSize] as const,
};

/** A page of the audit log; the previous page stays on screen while the next one loads. */
export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => api.get<AuditPage>('/api/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/audit/export: the filtered log as a CSV download. */
export function exportAuditLog(filters: AuditFilters): Promise<void> {
  return downloadFile('/api/audit/export', { ...filters }, '审计日志.csv');
}
