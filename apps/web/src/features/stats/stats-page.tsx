import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Select, Statistic, Table } from 'antd';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EChart, type EChartsOption } from '../../components/echart.tsx';
import { useCampaignOptions, useStatistics, type CampaignStatistics } from './stats.api.ts';

function charts(s: CampaignStatistics): Record<string, EChartsOption> {
  const industries = s.byIndustry.map((x) => x.key);
  const roster = s.totals.rosterSize;
  return {
    industry: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 70 },
      xAxis: { type: 'category', data: industries, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: '推荐行数', type: 'bar', data: s.byIndustry.map((x) => x.rows) },
        { name: '候选职业', type: 'bar', data: s.byIndustry.map((x) => x.candidates) },
      ],
    },
    expected: {
      tooltip: { trigger: 'item' },
      series: [{ name: '预计评价人次', type: 'pie', radius: ['35%', '65%'], data: s.byIndustry.map((x) => ({ name: x.key, value: x.expected })) }],
    },
    unitType: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 36 },
      xAxis: { type: 'category', data: s.byUnitType.map((x) => x.key) },
      yAxis: { type: 'value' },
      series: [
        { name: '推荐行数', type: 'bar', data: s.byUnitType.map((x) => x.rows) },
        { name: '候选职业', type: 'bar', data: s.byUnitType.map((x) => x.candidates) },
      ],
    },
    shortage: {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      series: [
        {
          type: 'pie',
          radius: '55%',
          label: { formatter: '{b}\n{d}%' },
          data: [
            { name: '目录内', value: s.totals.shortageCandidates },
            { name: '目录外', value: s.totals.candidates - s.totals.shortageCandidates },
          ],
        },
      ],
    },
    progress: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 36 },
      xAxis: { type: 'category', data: s.progress.map((p) => p.date) },
      yAxis: { type: 'value', max: roster || undefined },
      series: [
        { name: '已提交单位', type: 'line', step: 'end', data: s.progress.map((p) => p.submitted) },
        { name: '已受理', type: 'line', step: 'end', data: s.progress.map((p) => p.accepted) },
      ],
    },
  };
}

/** Statistics of a campaign as charts (Apache ECharts) and tables. */
export function StatsPage() {
  const campaigns = useCampaignOptions();
  const [campaignId, setCampaignId] = useState<string>();
  useEffect(() => setCampaignId((c) => c ?? campaigns.data?.[0]?.id), [campaigns.data]);
  const stats = useStatistics(campaignId);
  const options = useMemo(() => (stats.data ? charts(stats.data) : null), [stats.data]);
  const t = stats.data?.totals;
  return (
    <>
      <PageHeader
        title="征集统计"
        extra={
          <Select
            aria-label="征集活动"
            style={{ width: 320 }}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
        }
      />
      {stats.isError && <Alert type="error" showIcon message={errorMessage(stats.error)} />}
      {t && options && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              ['应报单位', t.rosterSize],
              ['已提交单位', t.submittedUnits],
              ['推荐行数', t.rows],
              ['候选职业', t.candidates],
              ['预计评价人次', t.expected],
              ['急需紧缺占比', t.candidates ? `${((100 * t.shortageCandidates) / t.candidates).toFixed(1)}%` : '—'],
            ].map(([label, value]) => (
              <Col key={String(label)} xs={12} md={4}>
                <Card size="small">
                  <Statistic title={label} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title="按产业：推荐行数与候选职业">
                <EChart option={options.industry!} label="按产业统计" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="按产业：预计评价人次">
                <EChart option={options.expected!} label="预计评价人次" />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title="按单位类型" style={{ marginTop: 16 }}>
                <EChart option={options.unitType!} height={260} label="按单位类型" />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title="急需紧缺目录占比" style={{ marginTop: 16 }}>
                <EChart option={options.shortage!} height={260} label="急需紧缺占比" />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title="填报进度" style={{ marginTop: 16 }}>
                <EChart option={options.progress!} height={260} label="填报进度" />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="多家单位共同推荐的职业（工种）" style={{ marginTop: 16 }}>
            <Table
              rowKey={(r) => `${r.occupationCode}|${r.jobTypeName}`}
              size="small"
              pagination={false}
              dataSource={stats.data?.multiUnit ?? []}
              columns={[
                { title: '职业编码', dataIndex: 'occupationCode', width: 120 },
                { title: '职业（工种）', key: 'n', render: (_: unknown, r) => `${r.occupationName}${r.jobTypeName ? ` / ${r.jobTypeName}` : ''}` },
                { title: '推荐单位数', dataIndex: 'unitCount', width: 110 },
                { title: '预计评价人次', dataIndex: 'expected', width: 120 },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
