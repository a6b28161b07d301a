import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatChineseDateTime } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { useMarkAllRead, useMarkRead, useNotifications, type NotificationItem } from './notification.api.ts';

/** The top bar's bell: unread count, and a drawer listing the user's notifications with mark read / mark all read. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: (e) => void message.error(errorMessage(e)) });
    if (n.link) {
      setOpen(false);
      void navigate(n.link);
    }
  };

  return (
    <>
      <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />}
          aria-label={unread > 0 ? `通知，${String(unread)} 条未读` : '通知，没有未读'}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title={`通知${unread > 0 ? `（${String(unread)} 条未读）` : ''}`}
        open={open}
        onClose={() => setOpen(false)}
        width="min(420px, 100vw)"
        extra={
          <Button
            size="small"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: (e) => void message.error(errorMessage(e)) })}
            data-testid="notification-read-all"
          >
            全部标为已读
          </Button>
        }
      >
        {list.isError ? (
          <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>
        ) : items.length === 0 ? (
          <Empty description="暂无通知。推荐表的提交回执、退回、催报提醒、评审分配和评估结果会在这里显示。" />
        ) : (
          <List
            loading={list.isLoading}
            dataSource={items}
            renderItem={(n) => (
              <List.Item
                data-testid="notification-item"
                style={{ display: 'block', background: n.readAt ? undefined : '#f0f6ff', paddingInline: 12, borderRadius: 6, marginBottom: 4 }}
                actions={[]}
              >
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space size={6} wrap>
                    {!n.readAt && <Tag color="blue">未读</Tag>}
                    <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                      {n.title}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: 0 }}
                    ellipsis={{ rows: 6, expandable: true, symbol: '展开' }}
                  >
                    {n.body}
                  </Typography.Paragraph>
                  <Space size={8} wrap>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatChineseDateTime(new Date(n.createdAt))}
                    </Typography.Text>
                    {n.link && (
                      <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => openItem(n)}>
                        查看
                      </Button>
                    )}
                    {!n.readAt && (
                      <Button
                        size="small"
                        type="link"
                        style={{ paddingInline: 0 }}
                        onClick={() => markRead.mutate(n.id, { onError: (e) => void message.error(errorMessage(e)) })}
                      >
                        标为已读
                      </Button>
                    )}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
