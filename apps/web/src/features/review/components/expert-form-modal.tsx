import { useEffect } from 'react';
import { Alert, App as AntApp, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { DEFAULT_INDUSTRY_TAGS } from '@zhengji/domain';
import { ExpertInputSchema, type Expert, type ExpertInput } from '@zhengji/domain/review/review.panel.ts';
import { useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '../../../lib/api.ts';
import { maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';
import { reviewApi, useLinkableAccounts, useReviewMutation } from '../review.api.ts';

const rules = zodRules(ExpertInputSchema);
const max = (field: keyof typeof ExpertInputSchema.shape) => maxLengthOf(ExpertInputSchema, field);

/** Create (expert = null) or edit an expert; a username creates an account of role expert, or an existing one is linked. */
export function ExpertFormModal({ open, expert, onClose }: { open: boolean; expert: Expert | null; onClose: () => void }) {
  const [form] = Form.useForm<ExpertInput>();
  const { modal, message } = AntApp.useApp();
  const save = useReviewMutation(reviewApi.saveExpert);
  const accounts = useLinkableAccounts(open && !expert?.userId);
  const linking = Form.useWatch('userId', form);
  const units = useQuery({ queryKey: ['units', 'list'], queryFn: () => api.get<{ id: string; name: string }[]>('/api/units'), enabled: open });
  useEffect(() => {
    if (!open) return;
    save.reset();
    form.resetFields();
    if (expert)
      form.setFieldsValue({
        name: expert.name,
        organization: expert.organization,
        unitId: expert.unitId,
        title: expert.title,
        specialties: expert.specialties,
        phone: expert.phone,
        email: expert.email,
        active: expert.active,
      });
  }, [open, expert]);

  const submit = async () => {
    const values = await form.validateFields();
    const input: ExpertInput = {
      ...values,
      userId: values.userId || undefined,
      unitId: values.unitId ?? null,
      phone: values.phone || null,
      email: values.email || null,
      username: values.username || undefined,
    };
    const res = await save.mutateAsync({ id: expert?.id ?? null, input });
    if (res.temporaryPassword)
      modal.info({
        title: '已创建专家账号',
        content: `用户名：${res.expert.username ?? ''}，一次性密码：${res.temporaryPassword}（首次登录须修改，请转交专家）`,
      });
    else if (res.conflictsFlagged) {
      modal.warning({
        title: '专家信息已保存',
        content: `该专家所在单位推荐了其${res.conflictsFlagged}个评审任务中的候选职业，须回避：专家已不能查看或评审，其评审不计入结果。请在“评审分配”中更换专家。`,
      });
    } else void message.success('专家信息已保存');
    onClose();
  };

  return (
    <Modal
      open={open}
      title={expert ? `编辑专家：${expert.name}` : '新增专家'}
      okText="保存"
      width={680}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errorMessage(save.error)} />}
      <Form form={form} layout="vertical" initialValues={{ active: true, specialties: [] }}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label="姓名" rules={rules('name', '专家姓名')}>
              <Input maxLength={max('name')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="organization" label="工作单位" rules={rules('organization', '工作单位')}>
              <Input maxLength={max('organization')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="unitId" label="所属推荐单位" extra="专家属于某推荐单位时选择该单位；该单位推荐的职业将自动回避">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="不属于任何推荐单位"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label="职称/职务" rules={rules('title', '职称/职务')}>
              <Input maxLength={max('title')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="specialties" label="专业领域（产业标签）" rules={rules('specialties', '专业领域')}>
              <Select mode="tags" options={DEFAULT_INDUSTRY_TAGS.map((t) => ({ value: t, label: t }))} placeholder="选择或输入" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label="联系电话" rules={rules('phone', '联系电话')}>
              <Input maxLength={max('phone')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="email" label="电子邮箱" rules={rules('email', '电子邮箱')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="active" label="在库" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {!expert?.userId && (
            <>
              <Col span={12}>
                <Form.Item name="userId" label="关联已有专家账号" extra="选择尚未关联专家的“评估专家”账号">
                  <Select
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    loading={accounts.isPending}
                    placeholder={accounts.data?.length === 0 ? '没有未关联的专家账号' : '选择账号'}
                    options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="username"
                  label="或创建登录账号（用户名）"
                  extra={linking ? '已选择关联已有账号' : '留空则暂不创建账号'}
                  rules={rules('username', '用户名')}
                >
                  <Input maxLength={40} placeholder="如 wang.prof" disabled={!!linking} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
