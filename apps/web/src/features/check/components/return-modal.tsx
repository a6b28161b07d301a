import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ReturnCheckedSchema } from '@zhengji/domain/check/check.schemas.ts';
import { DATE_TIME_INPUT_FORMATS } from '../../../lib/dates.ts';
import { isoInstant, maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';

const rules = zodRules(ReturnCheckedSchema);

/** Returning a form: a reason (required) and a resubmission time limit in the future. */
export function ReturnModal({
  open,
  loading,
  onCancel,
  onOk,
}: {
  open: boolean;
  loading: boolean;
  onCancel: () => void;
  onOk: (v: { reason: string; until: string }) => void;
}) {
  const [form] = Form.useForm<{ reason: string; until: Dayjs }>();
  return (
    <Modal
      title="退回推荐表"
      open={open}
      onCancel={onCancel}
      okText="退回"
      okButtonProps={{ danger: true, loading }}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        onOk({ reason: v.reason, until: v.until.toISOString() });
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ until: dayjs().add(5, 'day').endOf('day') }}>
        <Form.Item name="reason" label="退回理由" rules={rules('reason', '退回理由')}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={maxLengthOf(ReturnCheckedSchema, 'reason')} showCount />
        </Form.Item>
        <Form.Item name="until" label="重新提交时限" rules={rules('until', '重新提交的时限', { value: isoInstant, blank: '选择' })}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_INPUT_FORMATS} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
