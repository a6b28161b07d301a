import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { ListEntryInputSchema } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';
import { useSaveListEntry, type ListEntry, type ListKind } from '../reference.api.ts';

interface Values {
  occupationCode: string;
  jobTypeName?: string;
  note?: string;
  source?: string;
  isDemo: boolean;
}

const rules = zodRules(ListEntryInputSchema);
const max = (field: keyof typeof ListEntryInputSchema.shape) => maxLengthOf(ListEntryInputSchema, field);

/** Add or change one entry of a Shanghai list (the save makes a new active version of the list). */
export function ListEntryModal({
  kind,
  entry,
  baseVersionId,
  open,
  onClose,
}: {
  kind: ListKind;
  entry: ListEntry | null;
  baseVersionId: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveListEntry(kind);
  const submit = (v: Values) =>
    save.mutate(
      {
        entryId: entry?.entryId ?? null,
        input: {
          occupationCode: v.occupationCode,
          jobTypeName: v.jobTypeName || null,
          note: v.note || null,
          source: v.source || null,
          isDemo: v.isDemo,
          baseVersionId,
        },
      },
      { onSuccess: onClose },
    );
  return (
    <Modal
      open={open}
      title={entry ? '修改条目' : '新增条目'}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okText="保存"
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{
          occupationCode: entry?.occupationCode,
          jobTypeName: entry?.jobTypeName ?? undefined,
          note: entry?.note ?? undefined,
          source: entry?.source ?? undefined,
          isDemo: entry?.isDemo ?? false,
        }}
      >
        <Form.Item name="occupationCode" label="职业编码" rules={rules('occupationCode', '职业编码')}>
          <Input placeholder="4-04-05-05" />
        </Form.Item>
        <Form.Item name="jobTypeName" label="工种" extra="空表示整个职业" rules={rules('jobTypeName', '工种')}>
          <Input maxLength={max('jobTypeName')} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={rules('note', '备注')}>
          <Input.TextArea maxLength={max('note')} autoSize />
        </Form.Item>
        <Form.Item name="source" label="依据文件" rules={rules('source', '依据文件')}>
          <Input maxLength={max('source')} placeholder="如 沪人社职〔2024〕1号" />
        </Form.Item>
        <Form.Item name="isDemo" valuePropName="checked">
          <Checkbox>演示数据（非官方目录）</Checkbox>
        </Form.Item>
        {save.isError && <Alert type="error" showIcon message={errorMessage(save.error)} />}
      </Form>
    </Modal>
  );
}
