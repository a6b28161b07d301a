import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Dropdown, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS, type Me } from '@zhengji/domain';
import { api, errorMessage, setCsrfToken } from '../../lib/api.ts';

/** The header's account corner: name, role, unit, and the change-password and logout commands. */
export function UserMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const logout = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { redirectOnAuthError: false }),
    onSettled: (_data, error) => {
      if (error && !(error instanceof Error && 'status' in error && error.status === 401)) {
        void message.error(errorMessage(error));
        return;
      }
      setCsrfToken(null);
      // Leave the guarded shell first, so that clearing the cache does not refetch /api/me.
      void Promise.resolve(navigate('/login', { replace: true })).then(() => queryClient.clear());
      void message.success('您已安全退出');
    },
  });

  return (
    <Space size={16} align="center">
      <Space size={6} className="zj-header-meta">
        <Tag color="gold" variant="filled" style={{ marginInlineEnd: 0 }} data-testid="role-label">
          {ROLE_LABELS[me.role]}
        </Tag>
        {me.unitName && (
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }} data-testid="unit-name">
            {me.unitName}
          </Typography.Text>
        )}
      </Space>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') void navigate('/change-password');
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <a onClick={(e) => e.preventDefault()} className="zj-user-trigger" data-testid="user-menu" href="#">
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.2)' }} />
            <span data-testid="display-name">{me.displayName}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </a>
      </Dropdown>
    </Space>
  );
}
