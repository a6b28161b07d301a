import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, formatChineseDate, type Dashboard } from '@zhengji/domain';
import { api } from '../../lib/api.ts';
import { useShell } from '../shell-context.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { FormHistoryCard } from '../../features/form/components/form-history.tsx';

function greeting(hour: number): string {
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** The landing page of every role: greeting, the role's summary cards, links to its pages. */
export function HomePage() {
  const { me, routes } = useShell();
  const navigate = useNavigate();
  const links = routes.filter((r) => r.path !== '/' && !r.hideInMenu && !r.path.includes(':'));
  const now = new Date();
  // The figures are computed by the server for the actor's role.
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/api/dashboard'), refetchInterval: 60_000 });

  return (
    <>
      <PageHeader
        title={`${greeting(now.getHours())}，${me.displayName}`}
        description={`${ROLE_LABELS[me.role]}${me.unitName ? ` · ${me.unitName}` : ''} · 今天是${formatChineseDate(now)}`}
      />
      <Row gutter={[16, 16]}>
        {(dashboard.data?.cards ?? []).map((c) => (
          <Col key={c.key} xs={24} sm={12} xl={6}>
            <Card className="zj-stat-card" data-testid="dashboard-card" hoverable={!!c.link} onClick={c.link ? () => void navigate(c.link!) : undefined}>
              <Statistic title={c.title} value={c.value} suffix={c.suffix} loading={dashboard.isLoading} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.hint}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {me.role === 'unit' && me.unitId && <FormHistoryCard />}
      <Card title="快捷入口" style={{ marginTop: 16 }}>
        {links.length === 0 ? (
          <Empty description="暂无可用功能，相关功能上线后将在此显示" />
        ) : (
          <Row gutter={[16, 16]}>
            {links.map((r) => (
              <Col key={r.path} xs={24} sm={12} lg={8} xl={6}>
                <Card hoverable size="small" onClick={() => void navigate(r.path)} data-testid="quick-link">
                  <Card.Meta
                    avatar={<span style={{ fontSize: 22, color: '#134e9c' }}>{r.icon}</span>}
                    title={r.label}
                    description={
                      <span>
                        {r.group ?? '常用'} <ArrowRightOutlined />
                      </span>
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </>
  );
}
