import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditObjectLabel, summarizeAuditChanges } from './audit.labels.ts';

describe('audit labels', () => {
  it('names actions and object types in Chinese, including the transitions built from workflow actions', () => {
    expect(auditActionLabel('campaign.exportDossier')).toBe('导出征集档案');
    expect(auditActionLabel('campaign.open')).toBe('开启征集');
    expect(auditActionLabel('objection.accept')).toBe('异议受理');
    expect(auditObjectLabel('reference_version')).toBe('基础数据版本');
    expect(auditActionLabel('legacy.code')).toBe('legacy.code');
  });

  it('summarizes changes in words: statuses, field names, secrets, dates, nested filters', () => {
    expect(summarizeAuditChanges('campaign', { from: 'draft', to: 'open' })).toBe('状态：草稿 → 征集中');
    expect(summarizeAuditChanges('form', { from: 'draft', to: 'submitted', reason: 'changed' })).toBe('状态：填报中 → 已提交；理由 已修改');
    expect(summarizeAuditChanges('user', { password: 'changed' })).toBe('密码 已修改');
    expect(summarizeAuditChanges('user', { username: 'zhang', role: 'unit', unitId: null })).toBe('用户名：zhang；角色：推荐单位经办人；推荐单位：空');
    expect(summarizeAuditChanges('form', { reason: '材料不全', until: '2024-10-22T09:00:00.000Z' })).toBe('理由：材料不全；时限：2024年10月22日 17:00');
    expect(summarizeAuditChanges('audit_log', { filters: { page: 1, pageSize: 20 } })).toBe('查询条件：（页码：1、每页条数：20）');
    expect(summarizeAuditChanges('form', { versionNumber: 2, decisions: [{}, {}, {}, {}] })).toBe('版本：2；核验结论：4 项');
    expect(summarizeAuditChanges('campaign', { deadline: { from: '2024-10-22', to: '2024-10-31' } })).toBe('截止日期：2024年10月22日 → 2024年10月31日');
    expect(summarizeAuditChanges('form', null)).toBeNull();
  });
});
