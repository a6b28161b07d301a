import { useEffect } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_INDUSTRY_TAGS } from '@zhengji/domain';
import { CampaignInputSchema } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { DATE_INPUT_FORMATS } from '../../../lib/dates.ts';
import { isoDay, lines, maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';
import { useCreateCampaign, useUpdateCampaign, type Campaign, type CampaignFields } from '../campaign.api.ts';

const rules = zodRules(CampaignInputSchema);
const max = (field: keyof typeof CampaignInputSchema.shape) => maxLengthOf(CampaignInputSchema, field);

type Values = Omit<CampaignFields, 'issueDate' | 'deadline' | 'instructions'> & { issueDate: Dayjs; deadline: Dayjs; instructions: string };

/** Create or edit a campaign with the fields of the notice. */
export function CampaignFormModal({ open, campaign, onClose }: { open: boolean; campaign: Campaign | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (campaign)
      form.setFieldsValue({
        ...campaign,
        issueDate: dayjs(campaign.issueDate),
        deadline: dayjs(campaign.deadline),
        instructions: campaign.instructions.join('\n'),
      });
    else form.setFieldsValue({ year: new Date().getFullYear(), issuer: '上海市人力资源和社会保障局', industryTags: [...DEFAULT_INDUSTRY_TAGS] });
  }, [open, campaign, form]);

  const submit = async () => {
    // A refused field shows its message under it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const fields: CampaignFields = {
      ...v,
      issueDate: v.issueDate.format('YYYY-MM-DD'),
      deadline: v.deadline.format('YYYY-MM-DD'),
      instructions: v.instructions ? (lines(v.instructions) as string[]) : [],
      contactEmail: v.contactEmail || null,
      referenceVersions: campaign?.referenceVersions ?? {},
      conditionsText: v.conditionsText ?? '',
      workflowText: v.workflowText ?? '',
      requirementsText: v.requirementsText ?? '',
    };
    const save = async (confirmPastDeadline: boolean) => {
      try {
        if (campaign) await update.mutateAsync({ ...fields, version: campaign.version, confirmPastDeadline });
        else await create.mutateAsync(fields);
        message.success(campaign ? '已保存' : '已创建征集活动（草稿）');
        onClose();
      } catch (e) {
        // A deadline moved into the past: the server says how many units have not submitted; ask, then resend.
        if (e instanceof ApiError && e.details?.confirm === 'confirmPastDeadline' && !confirmPastDeadline) {
          modal.confirm({
            title: '截止日期已过',
            content: e.message,
            okText: '确认修改',
            okButtonProps: { danger: true },
            cancelText: '取消',
            autoFocusButton: 'cancel',
            onOk: () => save(true),
          });
        } else message.error(errorMessage(e));
      }
    };
    await save(false);
  };

  return (
    <Modal
      title={campaign ? '编辑征集活动' : '新建征集活动'}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      width={820}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="title" label="标题" rules={rules('title', '标题')}>
          <Input maxLength={max('title')} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="year" label="年度" rules={rules('year', '年度')}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="docNo" label="文号" rules={rules('docNo', '文号')}>
            <Input maxLength={max('docNo')} placeholder="沪人社职〔2024〕319号" />
          </Form.Item>
          <Form.Item name="issuer" label="发文单位" rules={rules('issuer', '发文单位')}>
            <Input maxLength={max('issuer')} />
          </Form.Item>
          <Form.Item name="issueDate" label="发文日期" rules={rules('issueDate', '发文日期', { value: isoDay, blank: '选择' })}>
            <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="deadline" label="截止日期（含当日）" rules={rules('deadline', '截止日期', { value: isoDay, blank: '选择' })}>
            <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="contactName" label="联系人" rules={rules('contactName', '联系人')}>
            <Input maxLength={max('contactName')} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" rules={rules('contactPhone', '联系电话')}>
            <Input maxLength={max('contactPhone')} />
          </Form.Item>
          <Form.Item name="contactEmail" label="联系邮箱" rules={rules('contactEmail', '联系邮箱')}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="industryTags" label="产业标签" rules={rules('industryTags', '产业标签')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="conditionsText" label="推荐条件" rules={rules('conditionsText', '推荐条件')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="workflowText" label="工作流程" rules={rules('workflowText', '工作流程')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="requirementsText" label="工作要求" rules={rules('requirementsText', '工作要求')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="instructions" label="填表说明（每行一条）" rules={rules('instructions', '填表说明', { value: lines })}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
