import { Alert, Button, Input, Modal, Typography } from 'antd';
import { FORM_COLUMN_LABELS, type FormHeader, type FormRow } from '@zhengji/domain';

const COLUMNS = [
  'occupationCode',
  'occupationName',
  'jobTypeName',
  'standardName',
  'standardVersion',
  'inShortageCatalog',
  'industries',
  'expectedAssessments',
  'reason',
] as const;

/** What the person typed, as tab-separated text they can copy into the reloaded form or a spreadsheet. */
export function typedAsText(header: FormHeader, rows: FormRow[]): string {
  const cell = (r: FormRow, k: (typeof COLUMNS)[number]) => {
    const v = r[k];
    if (k === 'inShortageCatalog') return v === null ? '' : v ? '是' : '否';
    if (Array.isArray(v)) return v.join('、');
    return String(v ?? '').replace(/[\t\n]+/g, ' ');
  };
  return [
    `联系人：${header.contactName}\t联系方式：${header.contactPhone}`,
    ['序号', ...COLUMNS.map((k) => FORM_COLUMN_LABELS[k])].join('\t'),
    ...rows.map((r, i) => [String(i + 1), ...COLUMNS.map((k) => cell(r, k))].join('\t')),
  ].join('\n');
}

/** A stale save (409): the server has a newer version; offer to reload it while keeping what was typed copyable. */
export function StaleVersionDialog({ open, text, onReload, reloading }: { open: boolean; text: string; onReload: () => void; reloading: boolean }) {
  return (
    <Modal
      open={open}
      title="推荐表已被他人修改"
      closable={false}
      maskClosable={false}
      width={760}
      footer={[
        <Button key="copy" onClick={() => void navigator.clipboard?.writeText(text)}>
          复制我输入的内容
        </Button>,
        <Button key="reload" type="primary" loading={reloading} onClick={onReload}>
          加载服务器上的最新版本
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        title="您的本次修改没有保存，服务器上的内容也没有被覆盖。"
        description="请先复制下方您输入的内容，再加载最新版本，核对后把需要的修改重新填入。"
        style={{ marginBottom: 12 }}
      />
      <Typography.Text type="secondary">您输入的内容（制表符分隔，可粘贴到表格软件）：</Typography.Text>
      <Input.TextArea
        value={text}
        readOnly
        autoSize={{ minRows: 6, maxRows: 14 }}
        style={{ fontFamily: 'monospace', marginTop: 4 }}
        aria-label="您输入的内容"
      />
    </Modal>
  );
}
