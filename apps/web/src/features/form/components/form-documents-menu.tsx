import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import { downloadFormDocument, downloadFormTemplate, type FormDocumentFormat } from '../form-documents.api.ts';

const FORMATS: { format: FormDocumentFormat; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel' },
];

/** Downloads of the 推荐表: the current draft and each submitted version in Word/PDF/Excel, and the blank template. */
export function FormDocumentsMenu({ formId, campaignId, lastVersionNumber }: { formId: string; campaignId: string; lastVersionNumber: number }) {
  const { message } = App.useApp();
  const run = (task: Promise<void>) => void task.catch((e: unknown) => message.error(errorMessage(e)));
  const formatItems = (version?: number): MenuProps['items'] =>
    FORMATS.map(({ format, label }) => ({ key: `${String(version ?? 'draft')}-${format}`, label, onClick: () => run(downloadFormDocument(formId, format, version)) }));
  const versions = Array.from({ length: lastVersionNumber }, (_, i) => lastVersionNumber - i);
  const items: MenuProps['items'] = [
    { key: 'draft', type: 'group', label: '当前内容（标注“草稿”）', children: formatItems() },
    ...versions.map((n) => ({ key: `v${String(n)}`, label: `第 ${String(n)} 版（已提交，带校验码）`, children: formatItems(n) })),
    { type: 'divider' },
    { key: 'template', label: '空白 Excel 模板（离线填写后导入）', onClick: () => run(downloadFormTemplate(campaignId)) },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} data-testid="form-documents-menu">下载推荐表</Button>
    </Dropdown>
  );
}
