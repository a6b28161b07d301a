import { useState } from 'react';
import { Alert, Card, Descriptions, Result, Select, Space, Tag, Typography } from 'antd';
import { FORM_STATUS_LABELS } from '@zhengji/domain/form/form.workflow.ts';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import type { FormView } from './form.api.ts';
import { useOpenUnitForm, useUnits } from './form-documents.api.ts';
import { FormDocumentsMenu } from './components/form-documents-menu.tsx';
import { FormImportDialog } from './components/form-import-dialog.tsx';

function FormSummary({ form, onImported }: { form: FormView; onImported: (f: FormView) => void }) {
  const canImport = form.abilities.importOnBehalf || form.abilities.save;
  const errors = form.rows.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  return (
    <Card
      size="small"
      title={`${form.unitName} 的推荐表`}
      extra={
        <Space>
          <FormDocumentsMenu formId={form.id} campaignId={form.campaign.id} hasVersions={form.lastVersionNumber > 0 || form.finalized !== null} />
          <FormImportDialog
            formId={form.id}
            campaignId={form.campaign.id}
            currentRowCount={form.rows.length}
            prepare={async () => form.version}
            onImported={onImported}
            disabled={!canImport}
          />
        </Space>
      }
    >
      {!canImport && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该推荐表当前不能导入（已提交、已受理或已过截止时间）" />}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="征集活动">
          {form.campaign.title}（截止 {form.campaign.deadlineLabel}）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag data-testid="on-behalf-status">{FORM_STATUS_LABELS[form.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="当前行数">
          {form.rows.length} 行（错误 {errors} 处）
        </Descriptions.Item>
        <Descriptions.Item label="联系人">
          {form.header.contactName || '—'} {form.header.contactPhone}
        </Descriptions.Item>
        <Descriptions.Item label="已提交版本">{form.lastVersionNumber === 0 ? '尚未提交' : `第 ${String(form.lastVersionNumber)} 版`}</Descriptions.Item>
        <Descriptions.Item label="保存次数">{form.version}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {form.rows.map((r) => `${String(r.priority)}. ${r.occupationCode} ${r.occupationName}${r.jobTypeName ? `（${r.jobTypeName}）` : ''}`).join('；') ||
          '暂无行'}
      </Typography.Paragraph>
    </Card>
  );
}

/** Center: enter a form that a unit sent by e-mail, by importing its Excel template or Word 推荐表 on the unit's behalf. */
export function CenterFormImportPage() {
  const units = useUnits();
  const open = useOpenUnitForm();
  const [form, setForm] = useState<FormView | null>(null);
  const choose = (unitId: string) => open.mutate(unitId, { onSuccess: setForm, onError: () => setForm(null) });
  return (
    <>
      <PageHeader title="代单位导入推荐表" description="单位通过邮件报送的推荐表（Excel 模板或 Word），由市职鉴中心代为导入；审计日志记录为代该单位操作。" />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space>
          推荐单位
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 420 }}
            placeholder="选择推荐单位"
            aria-label="推荐单位"
            loading={units.isLoading || open.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={choose}
            data-testid="on-behalf-unit"
          />
        </Space>
      </Card>
      {open.error && <Result status="warning" title="未能打开该单位的推荐表" subTitle={errorMessage(open.error)} />}
      {form && <FormSummary form={form} onImported={setForm} />}
    </>
  );
}
