import { Card, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import type { RowOutcome } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { useMe } from '../../../lib/session.ts';
import { useFormHistory, type FormHistoryEntry } from '../form.api.ts';

const OUTCOME_COLORS: Record<RowOutcome, string> = {
  not_submitted: 'default',
  awaiting_check: 'default',
  check_failed: 'red',
  check_passed: 'cyan',
  in_review: 'processing',
  selected: 'green',
  not_selected: 'orange',
  publicized: 'blue',
  final: 'success',
  withdrawn: 'volcano',
};

/** The rows of one campaign's form: check result with its reason, then the outcome with its reason. */
export function FormHistoryRows({ entry }: { entry: FormHistoryEntry }) {
  if (entry.rows.length === 0) return <Typography.Text type="secondary">推荐表中没有条目</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={entry.rows}
      rowKey={(r) => String(r.rowIndex)}
      renderItem={(r) => (
        <List.Item data-testid="history-row" style={{ display: 'block' }}>
          <Space size={[8, 4]} wrap style={{ width: '100%' }}>
            <Typography.Text strong>
              {r.priority}. {r.occupationName || '（未填写职业名称）'}
              {r.jobTypeName ? `（${r.jobTypeName}）` : ''}
            </Typography.Text>
            <Typography.Text type="secondary">{r.occupationCode}</Typography.Text>
            {r.check && <Tag color={r.check.decision === 'pass' ? 'green' : 'red'}>{r.check.decision === 'pass' ? '核验通过' : '核验未通过'}</Tag>}
            {r.outcome !== 'check_failed' && r.outcome !== 'check_passed' && (
              <Tag color={OUTCOME_COLORS[r.outcome]} data-testid="history-outcome">
                {r.outcomeLabel}
              </Tag>
            )}
          </Space>
          {r.outcomeReason && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="history-reason">
              {r.outcome === 'check_failed' ? '未通过原因' : r.outcome === 'not_selected' ? '未入选理由' : '原因'}：{r.outcomeReason}
            </Typography.Paragraph>
          )}
        </List.Item>
      )}
    />
  );
}

function header(e: FormHistoryEntry) {
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Space size={[8, 4]} wrap>
        <Typography.Text strong style={{ wordBreak: 'break-word' }}>
          {e.campaign.title}
        </Typography.Text>
        <Tag>{e.campaign.statusLabel}</Tag>
        <Tag color={e.status === 'returned' ? 'orange' : e.status === 'accepted' ? 'green' : 'blue'}>推荐表{e.statusLabel}</Tag>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: 'break-word', marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: e.summary }}>
        {e.campaign.docNo} · 截止 {e.campaign.deadlineLabel} · {e.summary}
      </Typography.Paragraph>
    </Space>
  );
}

/** 本单位推荐记录: every campaign the unit took part in (open or closed, archived included), newest first. */
export function FormHistoryCard() {
  const history = useFormHistory();
  const entries = history.data?.entries ?? [];
  return (
    <Card title="本单位推荐记录" style={{ marginTop: 16 }} loading={history.isLoading} data-testid="form-history">
      {history.isError ? (
        <Typography.Text type="danger">{errorMessage(history.error)}</Typography.Text>
      ) : entries.length === 0 ? (
        <Empty description="本单位尚未参与过征集；开放征集后，推荐表的核验与评估结果会在这里显示" />
      ) : (
        <Collapse
          defaultActiveKey={entries.slice(0, 1).map((e) => e.formId)}
          items={entries.map((e) => ({ key: e.formId, label: header(e), children: <FormHistoryRows entry={e} /> }))}
        />
      )}
    </Card>
  );
}

/** On the form page: the submitted version's check results and outcomes (units only; the history is the unit's own). */
export function FormOutcomeCard({ formId }: { formId: string }) {
  const { data: me } = useMe();
  const history = useFormHistory(me?.role === 'unit');
  const entry = history.data?.entries.find((e) => e.formId === formId);
  if (!entry) return null;
  return (
    <Card size="small" title={`核验与评估结果（第 ${String(entry.versionNumber)} 版）`} style={{ marginBottom: 12 }} data-testid="form-outcomes">
      {/* A returned form's reason is in the banner at the top of the page; the summary would only repeat it. */}
      {entry.status !== 'returned' && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4, wordBreak: 'break-word' }}>
          {entry.summary}
        </Typography.Paragraph>
      )}
      <FormHistoryRows entry={entry} />
    </Card>
  );
}
