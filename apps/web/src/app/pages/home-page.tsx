import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS, formatChineseDate, type Role } from '@zhengji/domain';
import { useShell } from '../shell-context.ts';
import { PageHeader } from '../../components/page-header.tsx';

/** What each role's dashboard summarizes; the figures arrive with the features that own them. */
const ROLE_CARDS: Record<Role, { title: string; hint: string }[]> = {
  admin: [
    { title: '系统用户', hint: '账号开通、停用与密码重置' },
    { title: '推荐单位', hint: '区人社局与行业主管部门' },
    { title: '锁定账号', hint: '连续输错密码被锁定的账号' },
  ],
  center: [
    { title: '进行中的征集', hint: '当前开放的征集活动' },
    { title: '已提交推荐表', hint: '待材料核验的推荐表' },
    { title: '候选职业（工种）', hint: '进入专家评估的候选' },
    { title: '待处理异议', hint: '公示期内收到的异议' },
  ],
  unit: [
    { title: '本单位推荐表', hint: '填报、提交与退回情况' },
    { title: '推荐职业（工种）', hint: '本单位推荐的条目数' },
    { title: '距截止时间', hint: '请在截止时间前提交' },
  ],
  expert: [
    { title: '待评估候选', hint: '分配给您的候选职业（工种）' },
    { title: '已完成评估', hint: '已提交评分与意见' },
  ],
  auditor: [
    { title: '今日审计事件', hint: '今日记录的操作' },
    { title: '拒绝与失败', hint: '被拒绝或失败的操作' },
  ],
};

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

  return (
    <>
      <PageHeader
        title={`${greeting(now.getHours())}，${me.displayName}`}
        description={`${ROLE_LABELS[me.role]}${me.unitName ? ` · ${me.unitName}` : ''} · 今天是${formatChineseDate(now)}`}
      />
      <Row gutter={[16, 16]}>
        {ROLE_CARDS[me.role].map((c) => (
          <Col key={c.title} xs={24} sm={12} xl={6}>
            <Card className="zj-stat-card" data-testid="dashboard-card">
              <Statistic title={c.title} value="—" />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.hint}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
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
