import { Alert, Button, Descriptions, Modal, Typography } from 'antd';

/** Shows a one-time password once, with a copy button; it is never shown again. */
export function OneTimePasswordModal({
  value,
  onClose,
}: {
  value: { username: string; displayName: string; password: string; reason: 'created' | 'reset' } | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={value !== null}
      title={value?.reason === 'reset' ? '密码已重置' : '账号已创建'}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记录，关闭
        </Button>
      }
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="临时密码仅显示这一次"
            description="请立即复制，并通过安全渠道告知本人。该用户下次登录时须修改密码。"
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="用户">
              {value.displayName}（{value.username}）
            </Descriptions.Item>
            <Descriptions.Item label="临时密码">
              <Typography.Text code copyable={{ text: value.password, tooltips: ['复制', '已复制'] }} data-testid="temporary-password" style={{ fontSize: 16 }}>
                {value.password}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
