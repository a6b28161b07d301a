import { Button, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { ROLE_LABELS, formatChineseDateTime, type Role, type User } from '@zhengji/domain';

const ROLE_COLORS: Record<Role, string> = { admin: 'red', center: 'blue', unit: 'cyan', expert: 'purple', auditor: 'orange' };

/** Whether the account is locked now (too many wrong passwords). */
export const isLocked = (u: User) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

function StatusTags({ user }: { user: User }) {
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag color="default">已停用</Tag> : <Tag color="success">正常</Tag>}
      {isLocked(user) && (
        <Tooltip title={`锁定至 ${formatChineseDateTime(new Date(user.lockedUntil ?? ''))}`}>
          <Tag color="error">已锁定</Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && <Tag color="warning">待修改密码</Tag>}
    </Space>
  );
}

export interface UserTableActions {
  canUpdate: boolean;
  canReset: boolean;
  onEdit: (u: User) => void;
  onToggleDisabled: (u: User) => void;
  onForceChange: (u: User) => void;
  onResetPassword: (u: User) => void;
}

/** The account table with its row commands. */
export function UserTable({ users, loading, actions }: { users: User[]; loading: boolean; actions: UserTableActions }) {
  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 150, sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    { title: '角色', dataIndex: 'role', width: 140, render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{ROLE_LABELS[r]}</Tag> },
    { title: '所属单位', dataIndex: 'unitName', width: 220, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 'status', width: 190, render: (_: unknown, u: User) => <StatusTags user={u} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 180,
      render: (v: string | null) => (v ? formatChineseDateTime(new Date(v)) : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_: unknown, u: User) => (
        <Space size={0} wrap>
          {!u.abilities.update && !u.abilities.resetPassword && (
            <Tooltip title="审计管理员账号由运维人员在服务器上用命令行管理（三权分立）">
              <Tag>命令行管理</Tag>
            </Tooltip>
          )}
          {actions.canUpdate && u.abilities.update && (
            <Button type="link" size="small" onClick={() => actions.onEdit(u)}>
              编辑
            </Button>
          )}
          {actions.canReset && u.abilities.resetPassword && (
            <Popconfirm
              title={`重置“${u.displayName}”的密码？`}
              description="将生成一次性临时密码，原密码与会话立即失效。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => actions.onResetPassword(u)}
            >
              <Button type="link" size="small">
                重置密码
              </Button>
            </Popconfirm>
          )}
          {actions.canUpdate && u.abilities.update && !u.mustChangePassword && (
            <Popconfirm title="要求该用户下次登录时修改密码？" okText="确定" cancelText="取消" onConfirm={() => actions.onForceChange(u)}>
              <Button type="link" size="small">
                强制改密
              </Button>
            </Popconfirm>
          )}
          {actions.canUpdate && u.abilities.update && !u.disabled && !u.actions.disable.allowed && (
            <Tooltip title={u.actions.disable.reason}>
              {/* A disabled button gets no pointer events: the span carries the tooltip. */}
              <span>
                <Button type="link" size="small" disabled aria-label={`停用（${u.actions.disable.reason ?? ''}）`}>
                  停用
                </Button>
              </span>
            </Tooltip>
          )}
          {actions.canUpdate && u.abilities.update && (u.disabled || u.actions.disable.allowed) && (
            <Popconfirm
              title={u.disabled ? `启用“${u.displayName}”？` : `停用“${u.displayName}”？`}
              description={u.disabled ? undefined : '停用后该用户无法登录，已登录的会话立即失效。'}
              okText={u.disabled ? '启用' : '停用'}
              okButtonProps={{ danger: !u.disabled }}
              cancelText="取消"
              onConfirm={() => actions.onToggleDisabled(u)}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={users}
      scroll={{ x: 1450 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个用户` }}
    />
  );
}
