import { App, Button, DatePicker, Form, Input, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatChineseDateTime } from '@zhengji/domain';
import { LateExceptionInputSchema } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { errorMessage } from '../../../lib/api.ts';
import { DATE_TIME_INPUT_FORMATS } from '../../../lib/dates.ts';
import { isoInstant, maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';
import { useGrantLate, useLateExceptions, useRoster, type Campaign, type LateException } from '../campaign.api.ts';

const rules = zodRules(LateExceptionInputSchema);

/** Late exceptions per unit: reason, new time limit (not in the past), who granted it. */
export function LateExceptions({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: string; reason: string; until: Dayjs }>();
  const list = useLateExceptions(campaign.id);
  const roster = useRoster(campaign.id, {});
  const grant = useGrantLate(campaign.id);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await grant.mutateAsync({ unitId: v.unitId, reason: v.reason, until: v.until.toISOString() });
      message.success('已准予延期');
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      {campaign.abilities.grantLateException && (
        <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="unitId" rules={rules('unitId', '单位', { blank: '选择' })}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="单位"
              aria-label="单位"
              style={{ width: 240 }}
              options={(roster.data?.entries ?? []).map((e) => ({ value: e.unitId, label: e.unitName }))}
            />
          </Form.Item>
          <Form.Item name="reason" rules={rules('reason', '延期理由')}>
            <Input placeholder="延期理由" aria-label="延期理由" style={{ width: 260 }} maxLength={maxLengthOf(LateExceptionInputSchema, 'reason')} />
          </Form.Item>
          <Form.Item name="until" rules={rules('until', '新的时限', { value: isoInstant, blank: '选择' })}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME_INPUT_FORMATS}
              placeholder="新的时限"
              aria-label="新的时限"
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={grant.isPending}>
            准予延期
          </Button>
        </Form>
      )}
      <Table<LateException>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '理由', dataIndex: 'reason' },
          { title: '延期至', dataIndex: 'until', width: 190, render: (v: string) => formatChineseDateTime(new Date(v)) },
          { title: '准予人', dataIndex: 'grantedBy', width: 120 },
          { title: '准予时间', dataIndex: 'grantedAt', width: 190, render: (v: string) => formatChineseDateTime(new Date(v)) },
        ]}
      />
    </>
  );
}
