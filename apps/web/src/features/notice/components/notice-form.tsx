import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { noticeStartFailure } from '@zhengji/domain';
import { UpdateNoticeInputSchema, type NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { errorMessage } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/dates.ts';
import { maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';

const rules = zodRules(UpdateNoticeInputSchema);
const max = (field: keyof typeof UpdateNoticeInputSchema.shape) => maxLengthOf(UpdateNoticeInputSchema, field);
import { useCreateNotice, useNoticePeriod, useUpdateNotice } from '../notice.api.ts';

interface Values {
  title: string;
  docNo: string;
  body: string;
  startDate: string;
  endDate: string;
  overrides: string;
}

function parseOverrides(text: string): Record<string, 'workday' | 'holiday'> {
  const out: Record<string, 'workday' | 'holiday'> = {};
  for (const line of text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [date, kind] = line.split(/\s+/);
    if (date) out[date] = kind === '工作日' ? 'workday' : 'holiday';
  }
  return out;
}

/** Create or edit the draft notice; the end date defaults to five working days after the start. */
export function NoticeForm({ campaignId, campaignTitle, notice }: { campaignId: string; campaignTitle: string; notice: NoticeView | null }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateNotice();
  const update = useUpdateNotice();
  const start = Form.useWatch('startDate', form);
  const overridesText = Form.useWatch('overrides', form) ?? '';
  const overrides = parseOverrides(overridesText);
  const period = useNoticePeriod(start, overrides);
  const [error, setError] = useState<string | null>(null);
  // The server refuses a start before today (Asia/Shanghai); say so as soon as such a date is entered.
  const lateStart = start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? noticeStartFailure(start, new Date()) : null;
  const initial: Values = notice
    ? {
        title: notice.title,
        docNo: notice.docNo,
        body: notice.body,
        startDate: notice.startDate,
        endDate: notice.endDate,
        overrides: Object.entries(notice.dayOverrides)
          .map(([d, k]) => `${d} ${k === 'workday' ? '工作日' : '休息日'}`)
          .join('\n'),
      }
    : {
        title: `${campaignTitle}拟纳入职业（工种）公示`,
        docNo: '',
        body: '经专家评估，现将拟纳入本市社会化职业技能等级认定的职业（工种）名单予以公示。公示期内如有异议，请通过本网站提出。',
        startDate: '',
        endDate: '',
        overrides: '',
      };

  const submit = async (v: Values) => {
    setError(null);
    const input = {
      title: v.title,
      docNo: v.docNo,
      body: v.body,
      startDate: v.startDate,
      endDate: v.endDate || undefined,
      dayOverrides: parseOverrides(v.overrides),
    };
    try {
      if (notice) await update.mutateAsync({ id: notice.id, input: { ...input, version: notice.version } });
      else await create.mutateAsync({ campaignId, ...input });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Card title={notice ? '修改公示草稿' : '创建公示'} size="small" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="notice-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label="公示标题" rules={rules('title', '公示标题')}>
          <Input maxLength={max('title')} />
        </Form.Item>
        <Form.Item name="docNo" label="文号" rules={rules('docNo', '文号')}>
          <Input maxLength={max('docNo')} placeholder="如 沪职鉴〔2024〕12号" />
        </Form.Item>
        <Form.Item name="body" label="公示正文" rules={rules('body', '公示正文')}>
          <Input.TextArea rows={4} maxLength={max('body')} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="startDate" label="开始日期" rules={rules('startDate', '开始日期', { blank: '选择' })}>
            <Input type="date" data-testid="notice-start" />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期（留空按5个工作日计算）" rules={rules('endDate', '结束日期')}>
            <Input type="date" data-testid="notice-end" />
          </Form.Item>
        </Space>
        {lateStart && <Alert type="warning" showIcon message={lateStart} style={{ marginBottom: 12 }} data-testid="notice-start-warning" />}
        {period.data && (
          <Typography.Paragraph type="secondary" data-testid="notice-default-end">
            按工作日计算，默认结束日期为 {formatDate(period.data.endDate)}（工作日：{period.data.workingDays.map(formatDate).join('、')}）
            {period.data.uncoveredDays.length > 0 && `；注意：${period.data.uncoveredDays[0]} 等日期超出节假日数据范围，请人工核对`}
          </Typography.Paragraph>
        )}
        <Form.Item name="overrides" label="日历调整（每行一个：日期 工作日/休息日，如 2024-10-12 休息日）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="notice-save">
          {notice ? '保存草稿' : '创建公示草稿'}
        </Button>
      </Form>
    </Card>
  );
}
