import { AuditOutlined, BankOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { can, everyone, lazyPage, type AppRoute } from './route-registry.tsx';

/**
 * Every page of the shell. A feature adds its page and menu entry with one line here;
 * order within a group is menu order. See src/app/README.md.
 */
export const appRoutes: AppRoute[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, element: lazyPage(() => import('./pages/home-page.tsx'), 'HomePage'), visible: everyone },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, group: '系统管理', element: lazyPage(() => import('../features/user/user-list-page.tsx'), 'UserListPage'), visible: can('user.list') },
  { path: '/admin/units', label: '推荐单位管理', icon: <BankOutlined />, group: '系统管理', element: lazyPage(() => import('../features/unit/unit-list-page.tsx'), 'UnitListPage'), visible: can('unit.list') },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, group: '安全审计', element: lazyPage(() => import('../features/audit/audit-log-page.tsx'), 'AuditLogPage'), visible: can('audit.read') },
];
