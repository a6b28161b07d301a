import { useState } from 'react';
import { ImportOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Space, Spin, Typography, Upload } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import type { FormView } from '../form.api.ts';
import { discardImport, downloadFormTemplate, useConfirmImport, usePreviewImport, type ImportPreview } from '../form-documents.api.ts';
import { ImportPreviewTable, ImportProblemsList } from './import-preview-table.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

interface Props {
  formId: string;
  campaignId: string;
  /** Rows the draft holds now (they are replaced by the confirm). */
  currentRowCount: number;
  /** Saves pending edits and answers the version the confirm starts from. */
  prepare: () => Promise<number>;
  onImported: (form: FormView) => void;
  disabled?: boolean;
}

function PreviewHeader({ preview }: { preview: ImportPreview }) {
  const { header, summary } = preview;
  return (
    <Descriptions size="small" column={3} style={{ marginBottom: 12 }} bordered>
      <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
      <Descriptions.Item label="推荐单位">{header.unitName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="读取行数">
        {summary.rows} 行（错误 {summary.errors} 处，提示 {summary.warnings} 处）
      </Descriptions.Item>
      <Descriptions.Item label="联系人">{header.contactName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系方式">{header.contactPhone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="填表日期">{header.fillDate ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** 导入 button and dialog: upload a filled Excel template or Word 推荐表 → preview with findings → 确认导入 replaces the draft. */
export function FormImportDialog({ formId, campaignId, currentRowCount, prepare, onImported, disabled }: Props) {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = usePreviewImport();
  const confirm = useConfirmImport();

  const reset = () => {
    if (preview) void discardImport(formId, preview.id).catch(() => undefined);
    setPreview(null);
    setError(null);
  };
  const close = () => {
    reset();
    setOpen(false);
  };
  const onFile = (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) return void setError(`文件为 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限，请删除无关内容后重新导入`);
    upload.mutate({ formId, file }, { onSuccess: setPreview, onError: (e) => setError(errorMessage(e)) });
  };
  const onConfirm = () =>
    modal.confirm({
      title: '确认导入？',
      content: `推荐表当前的 ${String(currentRowCount)} 行将被替换为文件中的 ${String(preview?.summary.rows ?? 0)} 行${preview?.header.contactName || preview?.header.contactPhone ? '，联系人信息也将按文件更新' : ''}。`,
      okText: '确认导入',
      onOk: async () => {
        if (!preview) return;
        try {
          const version = await prepare();
          const form = await confirm.mutateAsync({ formId, previewId: preview.id, version });
          setPreview(null);
          setOpen(false);
          onImported(form);
          message.success(`已导入 ${String(form.rows.length)} 行`);
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });

  return (
    <>
      <Button icon={<ImportOutlined />} disabled={disabled} onClick={() => setOpen(true)} data-testid="form-import-button">
        导入 Excel / Word
      </Button>
      <Modal
        open={open}
        width={1200}
        style={{ top: 24 }}
        title="导入推荐表"
        onCancel={close}
        destroyOnHidden
        footer={
          preview ? (
            <Space>
              <Button onClick={reset}>重新选择文件</Button>
              <Button onClick={close}>取消</Button>
              <Button type="primary" disabled={!preview.canConfirm} loading={confirm.isPending} onClick={onConfirm} data-testid="import-confirm">
                确认导入（替换当前 {currentRowCount} 行）
              </Button>
            </Space>
          ) : (
            <Button onClick={close}>取消</Button>
          )
        }
      >
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="import-error" />}
        {preview ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title="以下为预览，推荐表尚未修改。确认导入后，当前草稿的所有行将被替换。" />
            {!preview.canConfirm && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="文件中有须修改的内容，请在文件中改正后重新导入" />}
            <PreviewHeader preview={preview} />
            <ImportProblemsList problems={preview.problems} />
            <ImportPreviewTable rows={preview.rows} />
          </>
        ) : (
          <Spin spinning={upload.isPending} description="正在读取文件…">
            <Upload.Dragger accept=".xlsx,.docx" showUploadList={false} beforeUpload={(file) => (onFile(file), false)} data-testid="import-upload">
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖入填写好的 Excel 模板（.xlsx）或 Word 推荐表（.docx）</p>
              <p className="ant-upload-hint">
                不超过 20 MB；旧版 .xls / .doc 请先在 Office 或 WPS 中“另存为” .xlsx / .docx。导入前会先显示预览，确认后才替换推荐表。
              </p>
            </Upload.Dragger>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              没有模板？
              <Typography.Link onClick={() => void downloadFormTemplate(campaignId).catch((e: unknown) => setError(errorMessage(e)))}>
                下载空白 Excel 模板
              </Typography.Link>
            </Typography.Paragraph>
          </Spin>
        )}
      </Modal>
    </>
  );
}
