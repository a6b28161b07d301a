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

/** Chinese names of the audited actions; unknown actions show their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'unit.create': '新增推荐单位',
  'unit.update': '修改推荐单位',
  'audit.read': '查阅审计日志',
  'audit.export': '导出审计日志',
};

/** Chinese names of the audited object types. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  unit: '推荐单位',
  audit_log: '审计日志',
  campaign: '征集活动',
  form: '推荐表',
};

/** Chinese names of the results. */
export const AUDIT_RESULT_LABELS: Record<string, { label: string; color: string }> = {
  ok: { label: '成功', color: 'success' },
  denied: { label: '拒绝', color: 'warning' },
  failed: { label: '失败', color: 'error' },
};
