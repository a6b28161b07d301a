import { useMemo, useState } from 'react';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Input, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import type { Expert } from '@zhengji/domain/review/review.panel.ts';
import { downloadFile, errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { reviewKeys, uploadExpertList, useExperts } from './review.api.ts';
import { ExpertFormModal } from './components/expert-form-modal.tsx';
import { LinkAccountModal } from './components/link-account-modal.tsx';
import { useQueryClient } from '@tanstack/react-query';

/** Center: the expert pool (专家库) with create, edit, linking an existing expert account and Excel import. */
export function ExpertPoolPage() {
  const experts = useExperts();
  const queryClient = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const [keyword, setKeyword] = useState('');
  const [editing, setEditing] = useState<{ expert: Expert | null } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [linking, setLinking] = useState<Expert | null>(null);
  const rows = useMemo(() => {
    const k = keyword.trim();
    return (experts.data ?? []).filter((e) => !k || e.name.includes(k) || e.organization.includes(k) || e.specialties.some((s) => s.includes(k)));
  }, [experts.data, keyword]);

  const upload = async (file: File) => {
    setImportError(null);
    try {
      const res = await uploadExpertList(file);
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      void message.success(`已导入${res.created}名专家`);
      if (res.accounts.length > 0) {
        modal.info({
          title: '已创建的专家账号（一次性密码，请转交专家，首次登录须修改）',
          width: 560,
          content: res.accounts.map((a) => `${a.username}：${a.temporaryPassword}`).join('\n'),
        });
      }
    } catch (e) {
      setImportError(errorMessage(e));
    }
  };

  const columns: TableColumnsType<Expert> = [
    { title: '姓名', dataIndex: 'name', width: 110, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: '工作单位', dataIndex: 'organization', width: 220 },
    {
      title: '所属推荐单位（回避依据）',
      dataIndex: 'unitName',
      width: 220,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: '职称/职务', dataIndex: 'title', width: 110 },
    { title: '专业领域', dataIndex: 'specialties', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
    {
      title: '账号',
      dataIndex: 'username',
      width: 150,
      render: (v: string | null, e) =>
        v ?? (
          <>
            <Tag>无账号</Tag>
            <Button type="link" size="small" onClick={() => setLinking(e)} aria-label={`为${e.name}关联账号`}>
              关联账号
            </Button>
          </>
        ),
    },
    { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>) },
    {
      title: '操作',
      key: 'a',
      width: 80,
      render: (_: unknown, e) => (
        <Button type="link" size="small" onClick={() => setEditing({ expert: e })}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="专家库"
        description="评估专家的基本信息与账号；所属推荐单位用于自动回避（该单位推荐的职业不会分配给本人）"
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadFile('/api/experts/template', undefined, '专家名单导入模板.xlsx')}>
              下载导入模板
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
              <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ expert: null })}>
              新增专家
            </Button>
          </>
        }
      />
      <Card>
        {importError && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setImportError(null)}
            style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }}
            message="专家名单未导入"
            description={importError.split('；').join('\n')}
          />
        )}
        {experts.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(experts.error)} />}
        <Input.Search
          allowClear
          placeholder="按姓名、单位或专业领域搜索"
          style={{ width: 300, marginBottom: 16 }}
          onChange={(e) => setKeyword(e.target.value)}
        />
        <Table<Expert>
          rowKey="id"
          size="middle"
          loading={experts.isPending}
          columns={columns}
          dataSource={rows}
          pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 名专家` }}
        />
      </Card>
      <ExpertFormModal open={editing !== null} expert={editing?.expert ?? null} onClose={() => setEditing(null)} />
      <LinkAccountModal expert={linking} onClose={() => setLinking(null)} />
    </>
  );
}
