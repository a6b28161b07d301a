import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import { downloadFormDocument, downloadFormTemplate, type FormDocumentFormat } from '../form-documents.api.ts';
import { useFormVersions } from '../form.api.ts';

const FORMATS: { format: FormDocumentFormat; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel' },
];

const STATE_LABELS = { submitted: '已提交', voided: '已撤销定稿，标注“作废”', finalized: '当前定稿，打印盖章用' } as const;

/** Downloads of the 推荐表: the current draft and each finalized version in Word/PDF/Excel, and the blank template. */
export function FormDocumentsMenu({ formId, campaignId, hasVersions }: { formId: string; campaignId: string; hasVersions: boolean }) {
  const list = useFormVersions(formId, hasVersions);
  const { message } = App.useApp();
  const run = (task: Promise<void>) => void task.catch((e: unknown) => message.error(errorMessage(e)));
  const formatItems = (version?: number): MenuProps['items'] =>
    FORMATS.map(({ format, label }) => ({
      key: `${String(version ?? 'draft')}-${format}`,
      label,
      onClick: () => run(downloadFormDocument(formId, format, version)),
    }));
  const versions = [...(list.data ?? [])].reverse();
  const items: MenuProps['items'] = [
    { key: 'draft', type: 'group', label: '当前内容（标注“草稿”）', children: formatItems() },
    ...versions.map((v) => ({ key: `v${String(v.number)}`, label: `第 ${String(v.number)} 版（${STATE_LABELS[v.state]}）`, children: formatItems(v.number) })),
    { type: 'divider' },
    { key: 'template', label: '空白 Excel 模板（离线填写后导入）', onClick: () => run(downloadFormTemplate(campaignId)) },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} data-testid="form-documents-menu">
        下载推荐表
      </Button>
    </Dropdown>
  );
}
