import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { formatChineseDateTime, FORM_STATUS_LABELS, pickFormRow, type FormRow } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formKeys, useMyForm, useSubmitForm, useWithdrawForm, type FormView } from './form.api.ts';
import { emptyRow, rowFromSearch, useFormEditor, type SaveStatus } from './use-form-editor.ts';
import { useLeaveGuard } from './use-leave-guard.ts';
import { FormHeaderFields, phoneProblem } from './components/form-header-fields.tsx';
import { FormRowsTable } from './components/form-rows-table.tsx';
import { FindingsSummary } from './components/findings-summary.tsx';
import { OccupationSearchSelect } from './components/occupation-search-select.tsx';
import { SealPanel } from './components/seal-panel.tsx';
import { VersionsPanel } from './components/versions-panel.tsx';
import { StaleVersionDialog, typedAsText } from './components/stale-version-dialog.tsx';
import { FormDocumentsMenu } from './components/form-documents-menu.tsx';
import { FormImportDialog } from './components/form-import-dialog.tsx';
import { FormOutcomeCard } from './components/form-history.tsx';

const STATUS_COLORS = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green' } as const;

function SaveState({ status, error, savedAt }: { status: SaveStatus; error: string | null; savedAt: Date | null }) {
  if (status === 'saving')
    return (
      <Tag color="processing" data-testid="save-status">
        保存中…
      </Tag>
    );
  if (status === 'error')
    return (
      <Tag color="error" data-testid="save-status" title={error ?? undefined}>
        保存失败
      </Tag>
    );
  if (status === 'dirty') return <Tag data-testid="save-status">未保存</Tag>;
  return (
    <Tag color="success" data-testid="save-status">
      {savedAt ? `已保存 ${savedAt.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}` : '已保存'}
    </Tag>
  );
}

function StateBanner({ form }: { form: FormView }) {
  if (form.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`推荐表已被市职鉴中心退回，请于 ${form.returnedUntil ? formatChineseDateTime(new Date(form.returnedUntil)) : '规定时限'} 前修改后重新提交`}
        description={<span data-testid="return-reason">退回理由：{form.returnReason}</span>}
      />
    );
  }
  if (form.status === 'submitted') {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已于 ${form.submittedAt ? formatChineseDateTime(new Date(form.submittedAt)) : ''} 提交第 ${String(form.lastVersionNumber)} 版，等待市职鉴中心材料核验`}
        description={form.abilities.withdraw ? '核验开始前且征集截止前可以撤回修改。' : '已不能撤回；如需修改请联系市职鉴中心。'}
      />
    );
  }
  if (form.status === 'accepted') return <Alert type="success" showIcon style={{ marginBottom: 12 }} title="推荐表已受理" />;
  if (form.finalized && form.abilities.unfinalize) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已定稿第 ${String(form.finalized.versionNo)} 版（校验码 ${form.finalized.verificationCode}），内容已锁定`}
        description="请打印定稿、加盖公章后扫描上传，再提交。如需修改内容，请先“撤销定稿”。"
        data-testid="finalized-banner"
      />
    );
  }
  if (!form.abilities.save) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已超过征集截止时间（${form.campaign.deadlineLabel}），推荐表不能再修改或提交`}
        description="如确需补报，请联系市职鉴中心申请延期；已填写的内容仍可查看。"
      />
    );
  }
  return null;
}

/** The unit's 推荐表 editor: header, rows with live findings, autosave, 定稿 and sealed scan, submission, history. */
export function FormEditorPage() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const query = useMyForm();
  const form = query.data;
  const editable = !!form?.abilities.save;
  const editor = useFormEditor(form, editable);
  const submit = useSubmitForm();
  const withdraw = useWithdrawForm();
  const [reloading, setReloading] = useState(false);
  useLeaveGuard(editable && editor.dirty);

  if (query.isLoading) return <Skeleton active />;
  if (!form) return <Result status="info" title="暂无可填报的推荐表" subTitle={query.error ? errorMessage(query.error) : undefined} />;

  const focusRow = (key: string, field?: keyof FormRow) => {
    const row = document.querySelector<HTMLElement>(`tr[data-row-key="${key}"]`);
    const cell = (field && row?.querySelector<HTMLElement>(`[data-field="${field}"]`)) || row;
    cell?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    cell?.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
  };
  const reload = async () => {
    setReloading(true);
    try {
      const { data } = await query.refetch();
      if (data) editor.reset(data);
    } finally {
      setReloading(false);
    }
  };
  const onSubmit = () => {
    const fin = form.finalized;
    modal.confirm({
      title: '提交推荐表？',
      content: `将提交第 ${String(fin?.versionNo ?? '')} 版定稿（校验码 ${fin?.verificationCode ?? ''}，${String(form.rows.length)} 个职业（工种））及其盖章扫描件${form.scanMatch === 'manual' ? '（扫描件待市职鉴中心人工核对）' : ''}。提交后不能修改；如需修改，可在核验开始前、征集截止前撤回。`,
      okText: '确认提交',
      cancelText: '取消',
      onOk: async () => {
        try {
          const result = await submit.mutateAsync({ id: form.id, version: editor.version.current });
          editor.reset(result);
          message.success(`已提交第 ${String(result.lastVersionNumber)} 版`);
        } catch (e) {
          modal.error({ title: '未能提交', content: errorMessage(e) });
        }
      },
    });
  };
  const onWithdraw = () =>
    modal.confirm({
      title: '撤回推荐表？',
      content: '撤回后推荐表回到填报中，修改后须重新提交。',
      okText: '撤回',
      onOk: async () => {
        try {
          editor.reset(await withdraw.mutateAsync(form.id));
        } catch (e) {
          modal.error({ title: '未能撤回', content: errorMessage(e) });
        }
      },
    });
  const onForm = (view: FormView) => {
    queryClient.setQueryData<FormView>(formKeys.mine(), view);
    editor.reset(view);
  };
  const prepare = async () => {
    await editor.flush();
    return editor.version.current;
  };
  const headerProblem = phoneProblem(editor.header.contactPhone) ?? (editor.header.contactName.trim() ? null : '请填写联系人');
  const errorCount = editor.findings.flat().filter((f) => f.severity === 'error').length;
  const finalizeBlocker =
    editor.rows.length === 0
      ? '请至少填写一个职业（工种）'
      : errorCount > 0
        ? `还有 ${String(errorCount)} 处错误需要修改，修改后才能定稿`
        : headerProblem
          ? `${headerProblem}后才能定稿`
          : editor.status === 'error'
            ? '有内容尚未保存成功，请先处理保存失败的问题'
            : null;
  // While rows have errors nothing else matters first: 提交 names them (the server's blockers follow once they are fixed:
  // while editing, those the last autosave answered, since the loaded view's are about the content as it was loaded).
  const submitBlocker =
    editable && errorCount > 0
      ? `还有 ${String(errorCount)} 处错误须修改后才能提交（见“推荐的职业（工种）”上方的问题清单）`
      : ((editable ? editor.submitBlockers : form.submitBlockers)[0] ?? null);
  const open = form.status === 'draft' || form.status === 'returned';
  const full = editor.rows.length >= form.maxRows;

  return (
    <>
      <PageHeader
        title={
          <Space>
            推荐表填报
            <Tag color={STATUS_COLORS[form.status]} data-testid="form-status">
              {FORM_STATUS_LABELS[form.status]}
            </Tag>
            {editable && <SaveState status={editor.status} error={editor.saveError} savedAt={editor.savedAt} />}
          </Space>
        }
        description={`${form.campaign.title}（${form.campaign.docNo}），截止日期 ${form.campaign.deadlineLabel}`}
        extra={
          // Wraps on a narrow window (a phone) instead of widening the page.
          <Flex gap={8} wrap justify="flex-end" align="center" style={{ minWidth: 0, maxWidth: '100%' }}>
            <FormDocumentsMenu formId={form.id} campaignId={form.campaign.id} hasVersions={form.lastVersionNumber > 0 || form.finalized !== null} />
            {editable && (
              <FormImportDialog
                formId={form.id}
                campaignId={form.campaign.id}
                currentRowCount={editor.rows.length}
                prepare={async () => {
                  await editor.flush();
                  return editor.version.current;
                }}
                onImported={(view) => {
                  queryClient.setQueryData(formKeys.mine(), view);
                  editor.reset(view);
                }}
              />
            )}
            {form.abilities.withdraw && (
              <Button onClick={onWithdraw} loading={withdraw.isPending}>
                撤回
              </Button>
            )}
            {open && submitBlocker && (
              <Typography.Text type="secondary" id="zj-submit-reason" style={{ maxWidth: 360, fontSize: 12 }} data-testid="submit-reason">
                不能提交：{submitBlocker}
              </Typography.Text>
            )}
            {open && (
              <Tooltip title={submitBlocker ?? undefined}>
                <Button
                  type="primary"
                  onClick={onSubmit}
                  loading={submit.isPending}
                  disabled={!form.abilities.submit || submitBlocker !== null}
                  aria-describedby={submitBlocker ? 'zj-submit-reason' : undefined}
                  data-testid="submit-form"
                >
                  提交推荐表
                </Button>
              </Tooltip>
            )}
          </Flex>
        }
      />
      <StateBanner form={form} />
      {editor.status === 'error' && !editor.stale && editor.saveError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`保存失败：${editor.saveError}`} />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <FormHeaderFields unitName={form.unitName} header={editor.header} readOnly={!editable} onChange={editor.setHeader} />
      </Card>
      <Card size="small" title={`推荐的职业（工种）（${String(editor.rows.length)}/${String(form.maxRows)}，按优先级排序）`} style={{ marginBottom: 12 }}>
        {editable && (
          <Flex gap={8} style={{ maxWidth: 640, marginBottom: 12 }}>
            <div style={{ flex: 1, minWidth: 0 }} data-testid="add-row-search">
              <OccupationSearchSelect
                campaignId={form.campaign.id}
                disabled={full}
                placeholder="搜索职业编码、名称、拼音或标准名称，选择后添加一行"
                ariaLabel="添加职业（工种）"
                onPick={(hit) => editor.setRows((rs) => [...rs, rowFromSearch(hit)])}
              />
            </div>
            <Button icon={<PlusOutlined />} disabled={full} onClick={() => editor.setRows((rs) => [...rs, emptyRow()])}>
              空行
            </Button>
          </Flex>
        )}
        {editable && <FindingsSummary findings={editor.findings} rowKeys={editor.rows.map((r) => r.key)} onFocusRow={focusRow} />}
        {editable && editor.rows.length > 1 && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            拖动行首的把手或点击上移/下移（也可在行内按 Alt+↑ / Alt+↓）调整优先级，序号随顺序变化。
          </Typography.Paragraph>
        )}
        <FormRowsTable
          rows={editor.rows}
          findings={editor.findings}
          campaignId={form.campaign.id}
          industryTags={form.campaign.industryTags}
          readOnly={!editable}
          maxRows={form.maxRows}
          onChange={editor.setRows}
        />
      </Card>
      {open && (
        <Card
          size="small"
          title="定稿、盖章与提交"
          style={{ marginBottom: 12 }}
          extra={
            submitBlocker && (
              <Typography.Text type="secondary" data-testid="submit-blocker">
                提交前：{submitBlocker}
              </Typography.Text>
            )
          }
        >
          <SealPanel form={form} prepare={prepare} finalizeBlocker={finalizeBlocker} onForm={onForm} />
        </Card>
      )}
      {form.lastVersionNumber > 0 && <FormOutcomeCard formId={form.id} />}
      <Card size="small" title="定稿与提交记录">
        <VersionsPanel formId={form.id} lastVersionNumber={form.lastVersionNumber} finalizedVersionNo={form.finalized?.versionNo ?? null} />
      </Card>
      <StaleVersionDialog
        open={editor.stale}
        text={typedAsText(editor.header, editor.rows.map(pickFormRow))}
        onReload={() => void reload()}
        reloading={reloading}
      />
    </>
  );
}
