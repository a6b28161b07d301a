import QRCode from 'qrcode';

/** What the QR code printed on every page of a finalized 推荐表 carries. */
export interface FormCodePayload {
  formId: string;
  versionNo: number;
  verificationCode: string;
}

const PREFIX = 'ZJ1';
// Upper case, digits, '-' and ':' only: the QR alphanumeric mode, so that the code stays small (version 3, 29 modules).
const PATTERN = /^ZJ1:([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}):([1-9][0-9]{0,5}):([0-9A-F]{8})$/;

/** The text of the QR code: `ZJ1:<FORM ID>:<version number>:<verification code>`, upper case. */
export function encodeFormCode(payload: FormCodePayload): string {
  return `${PREFIX}:${payload.formId.toUpperCase()}:${String(payload.versionNo)}:${payload.verificationCode.toUpperCase()}`;
}

/** Parses the text of a QR code read from a scan; null when it is not a code this system printed. */
export function parseFormCode(text: string): FormCodePayload | null {
  const m = PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  return { formId: m[1]!.toLowerCase(), versionNo: Number(m[2]), verificationCode: m[3]! };
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The QR code as an SVG document (vector, for the PDF). */
export async function formCodeSvg(payload: FormCodePayload): Promise<string> {
  return QRCode.toString(encodeFormCode(payload), { ...QR_OPTIONS, type: 'svg' });
}

/** The QR code as a PNG of about `sizePx` pixels a side (for Word, which embeds bitmaps). */
export async function formCodePng(payload: FormCodePayload, sizePx = 360): Promise<Buffer> {
  return QRCode.toBuffer(encodeFormCode(payload), { ...QR_OPTIONS, type: 'png', width: sizePx });
}
