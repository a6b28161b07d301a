import { Image, Modal } from 'antd';
import { fileUrl, type FileInfo } from '../form.api.ts';

/** A viewer for a stored scan: PDF in an <object>, images with antd Image. */
export function ScanViewer({ file, open, onClose }: { file: FileInfo; open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onCancel={onClose} footer={null} width="80vw" title={`扫描件：${file.originalName}`} destroyOnHidden>
      {file.mime === 'application/pdf' ? (
        <object data={fileUrl(file.id)} type="application/pdf" style={{ width: '100%', height: '75vh', border: 0 }} aria-label="扫描件预览">
          <a href={fileUrl(file.id)} target="_blank" rel="noreferrer">
            在新窗口中打开 PDF
          </a>
        </object>
      ) : (
        <Image src={fileUrl(file.id)} alt="扫描件预览" style={{ maxWidth: '100%' }} />
      )}
    </Modal>
  );
}
