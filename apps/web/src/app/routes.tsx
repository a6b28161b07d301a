import { ApartmentOutlined, CheckSquareOutlined, EditOutlined, ScheduleOutlined, SolutionOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CalendarOutlined, ClusterOutlined, DatabaseOutlined, FileSearchOutlined, FormOutlined, HistoryOutlined, HomeOutlined, MailOutlined, NotificationOutlined, SearchOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { can, everyone, lazyPage, roles, type AppRoute } from './route-registry.tsx';

/**
 * Every page of the shell. A feature adds its page and menu entry with one line here;
 * order within a group is menu order. See src/app/README.md.
 */
export const appRoutes: AppRoute[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, element: lazyPage(() => import('./pages/home-page.tsx'), 'HomePage'), visible: everyone },
  { path: '/form', label: '推荐表填报', icon: <FormOutlined />, group: '征集管理', element: lazyPage(() => import('../features/form/form-editor-page.tsx'), 'FormEditorPage'), visible: roles('unit') },
  { path: '/campaigns', label: '征集活动', icon: <CalendarOutlined />, group: '征集管理', element: lazyPage(() => import('../features/campaign/campaign-list-page.tsx'), 'CampaignListPage'), visible: can('campaign.manage') },
  { path: '/campaigns/:id', label: '征集活动详情', group: '征集管理', hideInMenu: true, element: lazyPage(() => import('../features/campaign/campaign-page.tsx'), 'CampaignPage'), visible: can('campaign.manage') },
  { path: '/checks', label: '材料核验', icon: <FileSearchOutlined />, group: '征集管理', element: lazyPage(() => import('../features/check/check-queue-page.tsx'), 'CheckQueuePage'), visible: can('check.run') },
  { path: '/checks/:formId', label: '推荐表核验', group: '征集管理', hideInMenu: true, element: lazyPage(() => import('../features/check/check-page.tsx'), 'CheckPage'), visible: can('check.run') },
  { path: '/pool', label: '候选职业库', icon: <ClusterOutlined />, group: '征集管理', element: lazyPage(() => import('../features/pool/pool-page.tsx'), 'PoolPage'), visible: can('pool.manage') },
  { path: '/statistics', label: '征集统计', icon: <BarChartOutlined />, group: '征集管理', element: lazyPage(() => import('../features/stats/stats-page.tsx'), 'StatsPage'), visible: can('campaign.statistics') },
  { path: '/forms/import', label: '代单位导入推荐表', icon: <FormOutlined />, group: '征集管理', element: lazyPage(() => import('../features/form/center-form-import-page.tsx'), 'CenterFormImportPage'), visible: roles('center') },
  { path: '/outbox', label: '邮件发件箱', icon: <MailOutlined />, group: '征集管理', element: lazyPage(() => import('../features/campaign/outbox-page.tsx'), 'OutboxPage'), visible: can('outbox.view') },
  { path: '/reference/search', label: '职业（工种）查询', icon: <SearchOutlined />, group: '基础数据', element: lazyPage(() => import('../features/reference/reference-search-page.tsx'), 'ReferenceSearchPage'), visible: can('reference.search') },
  { path: '/reference/tree', label: '职业分类大典', icon: <ApartmentOutlined />, group: '基础数据', element: lazyPage(() => import('../features/reference/occupation-tree-page.tsx'), 'OccupationTreePage'), visible: can('reference.search') },
  { path: '/reference/lists', label: '上海市目录', icon: <UnorderedListOutlined />, group: '基础数据', element: lazyPage(() => import('../features/reference/reference-lists-page.tsx'), 'ReferenceListsPage'), visible: can('reference.search') },
  { path: '/reference/versions', label: '参考数据版本', icon: <DatabaseOutlined />, group: '基础数据', element: lazyPage(() => import('../features/reference/reference-versions-page.tsx'), 'ReferenceVersionsPage'), visible: can('reference.versions.read') },
  { path: '/reference/versions/:id', label: '数据版本详情', group: '基础数据', hideInMenu: true, element: lazyPage(() => import('../features/reference/reference-version-page.tsx'), 'ReferenceVersionPage'), visible: can('reference.versions.read') },
  { path: '/review/experts', label: '专家库', icon: <SolutionOutlined />, group: '专家评估', element: lazyPage(() => import('../features/review/expert-pool-page.tsx'), 'ExpertPoolPage'), visible: can('review.manage') },
  { path: '/review/board', label: '评审分配', icon: <ScheduleOutlined />, group: '专家评估', element: lazyPage(() => import('../features/review/review-board-page.tsx'), 'ReviewBoardPage'), visible: can('review.manage') },
  { path: '/review/results', label: '评审结果与决定', icon: <CheckSquareOutlined />, group: '专家评估', element: lazyPage(() => import('../features/review/review-results-page.tsx'), 'ReviewResultsPage'), visible: can('review.decide') },
  { path: '/review/my', label: '我的评审', icon: <EditOutlined />, group: '专家评估', element: lazyPage(() => import('../features/review/my-reviews-page.tsx'), 'MyReviewsPage'), visible: can('review.score') },
  { path: '/review/my/:candidateId', label: '评审候选职业', group: '专家评估', hideInMenu: true, element: lazyPage(() => import('../features/review/review-scoring-page.tsx'), 'ReviewScoringPage'), visible: can('review.score') },
  { path: '/notices', label: '公示与发布', icon: <NotificationOutlined />, group: '公示发布', element: lazyPage(() => import('../features/notice/notice-page.tsx'), 'NoticePage'), visible: can('notice.manage') },
  { path: '/occupation-history', label: '职业历史', icon: <HistoryOutlined />, group: '公示发布', element: lazyPage(() => import('../features/notice/occupation-history-page.tsx'), 'OccupationHistoryPage'), visible: can('history.view') },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, group: '系统管理', element: lazyPage(() => import('../features/user/user-list-page.tsx'), 'UserListPage'), visible: can('user.list') },
  { path: '/admin/units', label: '推荐单位管理', icon: <BankOutlined />, group: '系统管理', element: lazyPage(() => import('../features/unit/unit-list-page.tsx'), 'UnitListPage'), visible: can('unit.list') },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, group: '安全审计', element: lazyPage(() => import('../features/audit/audit-log-page.tsx'), 'AuditLogPage'), visible: can('audit.read') },
];
