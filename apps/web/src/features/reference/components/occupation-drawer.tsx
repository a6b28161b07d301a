import { Alert, Breadcrumb, Descriptions, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import { useOccupation } from '../reference.api.ts';
import { FlagTags } from './flag-tags.tsx';

/** The detail of a 大典 node: path, definition, main tasks, 工种, standards, qualifications, Shanghai lists, flags. */
export function OccupationDrawer({ code, onClose, onNavigate }: { code: string | null; onClose: () => void; onNavigate: (code: string) => void }) {
  const detail = useOccupation(code);
  const d = detail.data;
  return (
    <Drawer open={code !== null} onClose={onClose} size="large" title={d ? `${d.code} ${d.name}` : code}>
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon message={errorMessage(detail.error)} />}
      {d && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Breadcrumb items={d.path.map((p) => ({ title: <a onClick={() => onNavigate(p.code)}>{`${p.code} ${p.name}`}</a> }))} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="层级">{d.levelLabel}</Descriptions.Item>
            {d.flags && (
              <Descriptions.Item label="标识">
                <FlagTags flags={d.flags} />
              </Descriptions.Item>
            )}
            {d.status !== 'current' && (
              <Descriptions.Item label="状态">{d.status === 'recoded' ? `已改码为 ${d.replacedBy ?? ''}` : '仅见于 2022 年印刷版'}</Descriptions.Item>
            )}
            {d.printEditionName && <Descriptions.Item label="印刷版名称">{d.printEditionName}</Descriptions.Item>}
            {d.addedAfterPrint && (
              <Descriptions.Item label="新职业">
                {[d.addedAfterPrint.batchName, d.addedAfterPrint.documentNo, d.addedAfterPrint.publishedDate].filter(Boolean).join('，')}
              </Descriptions.Item>
            )}
            {d.definition && <Descriptions.Item label="定义">{d.definition}</Descriptions.Item>}
          </Descriptions>
          {d.mainTasks.length > 0 && (
            <div>
              <Typography.Title level={5}>主要工作任务</Typography.Title>
              <ol style={{ paddingLeft: 20, margin: 0 }}>
                {d.mainTasks.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ol>
            </div>
          )}
          {d.level === 4 && (
            <>
              <div>
                <Typography.Title level={5}>工种（{d.jobTypes.length}）</Typography.Title>
                {d.jobTypes.length ? (
                  <Space size={[4, 4]} wrap>
                    {d.jobTypes.map((j) => (
                      <Tag key={j}>{j}</Tag>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">大典未列工种，按职业申报</Typography.Text>
                )}
              </div>
              <div>
                <Typography.Title level={5}>国家职业技能标准</Typography.Title>
                <List
                  size="small"
                  bordered
                  locale={{ emptyText: '无对应的国家职业技能标准' }}
                  dataSource={d.standards}
                  renderItem={(s) => (
                    <List.Item>
                      {s.standardName}
                      <Space size={4} style={{ marginLeft: 8 }}>
                        <Tag color={s.version ? 'geekblue' : 'default'}>{s.version ?? '版本待核'}</Tag>
                        {s.trial && <Tag>试行</Tag>}
                        {s.jobTypesCovered.length > 0 && <Typography.Text type="secondary">工种：{s.jobTypesCovered.join('、')}</Typography.Text>}
                      </Space>
                    </List.Item>
                  )}
                />
              </div>
              {d.qualifications.length > 0 && <Alert type="warning" showIcon message={`准入类职业资格：${d.qualifications.map((q) => q.item).join('、')}`} />}
              {[...d.shortage.map((e) => ({ ...e, list: '急需紧缺目录' })), ...d.offered.map((e) => ({ ...e, list: '本市已开展认定' }))].map((e, i) => (
                <Alert
                  key={i}
                  type="info"
                  showIcon
                  message={`${e.list}：${e.jobTypeName ? `工种 ${e.jobTypeName}` : '整个职业'}${e.note ? `（${e.note}）` : ''}`}
                />
              ))}
            </>
          )}
          {d.children.length > 0 && (
            <List
              size="small"
              header={`下级（${d.children.length}）`}
              bordered
              dataSource={d.children}
              renderItem={(c) => (
                <List.Item>
                  <a onClick={() => onNavigate(c.code)}>
                    {c.code} {c.name}
                  </a>
                </List.Item>
              )}
            />
          )}
          {d.level === 4 && d.children.length === 0 && d.jobTypes.length === 0 && d.standards.length === 0 && !d.definition && <Empty />}
        </Space>
      )}
    </Drawer>
  );
}
