import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Modal, Select, Typography } from 'antd';
import type { Expert } from '@zhengji/domain/review/review.panel.ts';
import { errorMessage } from '../../../lib/api.ts';
import { reviewApi, useLinkableAccounts, useReviewMutation } from '../review.api.ts';

/** Links an existing account of role expert (not yet linked) to an expert of the pool. */
export function LinkAccountModal({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const accounts = useLinkableAccounts(expert !== null);
  const link = useReviewMutation(reviewApi.linkAccount);
  const [userId, setUserId] = useState<string | null>(null);
  useEffect(() => {
    setUserId(null);
    link.reset();
  }, [expert?.id]);

  const submit = async () => {
    if (!expert || !userId) return;
    const saved = await link.mutateAsync({ expertId: expert.id, userId });
    void message.success(`已为${saved.name}关联账号“${saved.username ?? ''}”`);
    onClose();
  };

  return (
    <Modal
      open={expert !== null}
      title={`关联专家账号：${expert?.name ?? ''}`}
      okText="关联"
      cancelText="取消"
      okButtonProps={{ disabled: !userId }}
      confirmLoading={link.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {link.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={errorMessage(link.error)} />}
      <Typography.Paragraph type="secondary">关联后，该账号登录即可查看并评审分配给这位专家的候选职业。一个账号只能关联一名专家。</Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        aria-label="选择专家账号"
        loading={accounts.isPending}
        placeholder={accounts.data?.length === 0 ? '没有未关联的“评估专家”账号，请先在用户管理中创建' : '选择尚未关联的“评估专家”账号'}
        value={userId}
        onChange={setUserId}
        options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）${a.email ? ` ${a.email}` : ''}` }))}
      />
    </Modal>
  );
}
