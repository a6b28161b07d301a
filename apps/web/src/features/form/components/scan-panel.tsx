import { useState } from 'react';
import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Image, Modal, Space, Typography, Upload } from 'antd';
import { formatChineseDateTime } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { fileUrl, uploadScan, type FileInfo } from '../form.api.ts';

const MAX_BYTES = 20 * 1024 * 1024;
const sizeLabel = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** A viewer for a stored scan: PDF in an <object>, images with antd Image. */
export function ScanViewer({ file, open, onClose }: { file: FileInfo; open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onCancel={onClose} footer={null} width="80vw" title={`扫描件：${file.originalName}`} destroyOnHidden>
      {file.mime === 'application/pdf' ? (
        <object data={fileUrl(file.id)} type="application/pdf" style={{ width: '100%', height: '75vh', border: 0 }} aria-label="扫描件预览">
          <a href={fileUrl(file.id)} target="_blank" rel="noreferrer">在新窗口中打开 PDF</a>
        </object>
      ) : (
        <Image src={fileUrl(file.id)} alt="扫描件预览" style={{ maxWidth: '100%' }} />
      )}
    </Modal>
  );
}

/** Upload of the scan of the printed form bearing the unit seal, and its preview. */
export function ScanPanel({ formId, scan, canUpload, onUploaded }: { formId: string; scan: FileInfo | null; canUpload: boolean; onUploaded: (f: FileInfo) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [viewing, setViewing] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">打印推荐表并加盖单位公章后扫描上传：PDF、JPEG 或 PNG，不超过 20 MB。</Typography.Text>
      <Space wrap>
        {canUpload && (
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) {
                setError(`文件“${file.name}”超过 20 MB，请降低扫描分辨率（如 200 dpi、灰度）后重新上传`);
                return Upload.LIST_IGNORE;
              }
              if (file.size === 0) {
                setError(`文件“${file.name}”是空文件，请重新选择扫描件上传`);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              setBusy(true);
              setError(null);
              uploadScan(formId, file as File)
                .then((info) => {
                  onUploaded(info);
                  onSuccess?.(info);
                })
                .catch((e: unknown) => {
                  setError(errorMessage(e));
                  onError?.(e as Error);
                })
                .finally(() => setBusy(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>{scan ? '重新上传扫描件' : '上传盖章扫描件'}</Button>
          </Upload>
        )}
        {scan && (
          <>
            <Button icon={<EyeOutlined />} onClick={() => setViewing(true)}>查看扫描件</Button>
            <Typography.Text data-testid="scan-name">
              {scan.originalName}（{sizeLabel(scan.size)}，{formatChineseDateTime(new Date(scan.createdAt))} 上传）
            </Typography.Text>
          </>
        )}
        {!scan && !canUpload && <Typography.Text type="secondary">未上传</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      {scan && <ScanViewer file={scan} open={viewing} onClose={() => setViewing(false)} />}
    </Space>
  );
}
