import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Input, Select, Space } from 'antd';
import { ROLES, ROLE_LABELS, type Role, type User } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { hasAbility, useMe } from '../../lib/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useResetPassword, useUnitOptions, useUpdateUser, useUsers } from './user.api.ts';
import { UserTable, isLocked } from './components/user-table.tsx';
import { CreateUserModal } from './components/create-user-modal.tsx';
import { EditUserModal } from './components/edit-user-modal.tsx';
import { OneTimePasswordModal } from './components/one-time-password-modal.tsx';

type Status = 'active' | 'disabled' | 'locked' | 'mustChange';
const STATUS_OPTIONS: { value: Status; label: string }[] = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已停用' },
  { value: 'locked', label: '已锁定' },
  { value: 'mustChange', label: '待修改密码' },
];
const matchesStatus = (u: User, s: Status) =>
  s === 'active' ? !u.disabled : s === 'disabled' ? u.disabled : s === 'locked' ? isLocked(u) : u.mustChangePassword;

type Secret = { username: string; displayName: string; password: string; reason: 'created' | 'reset' };

/** Admin: accounts, with create, edit, disable/enable, password reset and forced change. */
export function UserListPage() {
  const { data: me } = useMe();
  const { message } = AntApp.useApp();
  const users = useUsers();
  const unitOptions = useUnitOptions();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [filters, setFilters] = useState<{ keyword: string; role?: Role; status?: Status; unitId?: string }>({ keyword: '' });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);

  const rows = useMemo(() => {
    const k = filters.keyword.trim().toLowerCase();
    return (users.data ?? []).filter(
      (u) =>
        (!k || u.username.toLowerCase().includes(k) || u.displayName.toLowerCase().includes(k)) &&
        (!filters.role || u.role === filters.role) &&
        (!filters.status || matchesStatus(u, filters.status)) &&
        (!filters.unitId || u.unitId === filters.unitId),
    );
  }, [users.data, filters]);

  const patch = (u: User, input: Parameters<typeof update.mutate>[0]['input'], done: string) =>
    update.mutate({ id: u.id, input }, { onSuccess: () => void message.success(done), onError: (e) => void message.error(errorMessage(e)) });

  return (
    <>
      <PageHeader
        title="用户管理"
        description="开通、停用账号，重置密码；推荐单位经办人须绑定推荐单位"
        extra={
          hasAbility(me, 'user.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增用户
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="按用户名或姓名搜索"
            aria-label="按用户名或姓名搜索"
            style={{ width: 240 }}
            onChange={(e) => setFilters((f) => ({ ...f, keyword: e.target.value }))}
          />
          <Select
            allowClear
            placeholder="角色"
            aria-label="角色"
            style={{ width: 160 }}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            onChange={(role?: Role) => setFilters((f) => ({ ...f, role }))}
          />
          <Select
            allowClear
            placeholder="状态"
            aria-label="状态"
            style={{ width: 130 }}
            options={STATUS_OPTIONS}
            onChange={(status?: Status) => setFilters((f) => ({ ...f, status }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="所属单位"
            aria-label="所属单位"
            style={{ width: 240 }}
            options={unitOptions.data ?? []}
            onChange={(unitId?: string) => setFilters((f) => ({ ...f, unitId }))}
          />
        </Space>
        {users.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(users.error)} />}
        <UserTable
          users={rows}
          loading={users.isPending}
          actions={{
            canUpdate: hasAbility(me, 'user.update'),
            canReset: hasAbility(me, 'user.resetPassword'),
            onEdit: setEditing,
            onToggleDisabled: (u) => patch(u, { disabled: !u.disabled }, u.disabled ? `已启用“${u.displayName}”` : `已停用“${u.displayName}”`),
            onForceChange: (u) => patch(u, { mustChangePassword: true }, `“${u.displayName}”下次登录时须修改密码`),
            onResetPassword: (u) =>
              reset.mutate(u.id, {
                onSuccess: (r) => setSecret({ username: u.username, displayName: u.displayName, password: r.temporaryPassword, reason: 'reset' }),
                onError: (e) => void message.error(errorMessage(e)),
              }),
          }}
        />
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={({ user, temporaryPassword }) => {
          setCreating(false);
          void message.success(`已创建用户“${user.displayName}”`);
          if (temporaryPassword) setSecret({ username: user.username, displayName: user.displayName, password: temporaryPassword, reason: 'created' });
        }}
      />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <OneTimePasswordModal value={secret} onClose={() => setSecret(null)} />
    </>
  );
}
