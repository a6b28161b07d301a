import { z } from 'zod';

/** How an uploaded sealed scan relates to the finalized version of its form. */
export const SCAN_MATCH_STATUSES = ['matched', 'mismatch', 'unreadable'] as const;
/** One of SCAN_MATCH_STATUSES. */
export type ScanMatchStatus = (typeof SCAN_MATCH_STATUSES)[number];

/** The answer to a scan upload: what the QR code on the scan says, compared with the finalized version. */
export const ScanMatchSchema = z.object({
  status: z.enum(SCAN_MATCH_STATUSES),
  /** The version number the scan shows (null when no code of this form was read). */
  versionNo: z.number().nullable(),
  /** The verification code the scan shows (null when none was read). */
  verificationCode: z.string().nullable(),
  message: z.string(),
});
/** A scan match. */
export type ScanMatch = z.infer<typeof ScanMatchSchema>;

/** How the accepted scan of a version was matched: its code read from the scan, or typed by the unit (人工核对). */
export const SCAN_MATCH_KINDS = ['matched', 'manual'] as const;
/** One of SCAN_MATCH_KINDS. */
export type ScanMatchKind = (typeof SCAN_MATCH_KINDS)[number];

/** Chinese labels of the scan match kinds, as the check page shows them. */
export const SCAN_MATCH_KIND_LABELS: Record<ScanMatchKind, string> = { matched: '二维码已匹配', manual: '人工核对' };

/** A code read from one page of a scan. */
export interface ScanCode {
  formId: string;
  versionNo: number;
  verificationCode: string;
  page: number;
}

/** The finalized version a scan must show. */
export interface FinalizedTarget {
  formId: string;
  versionNo: number;
  verificationCode: string;
}

const pageOf = (c: ScanCode) => `第 ${String(c.page)} 页`;

/**
 * Compares the codes read from a scan with the finalized version: every code must name this form, this version and its
 * verification code. A code of another form (or a forged one) and a code of another version are mismatches naming both
 * sides; no code at all is unreadable (the unit may then type the code printed on the page).
 */
export function matchScan(codes: readonly ScanCode[], target: FinalizedTarget): ScanMatch {
  const want = `第 ${String(target.versionNo)} 版`;
  if (codes.length === 0) {
    return {
      status: 'unreadable',
      versionNo: null,
      verificationCode: null,
      message: `未能从扫描件中识别出推荐表的二维码。请确认上传的是${want}定稿打印件的盖章扫描件（二维码清晰、未被公章遮挡）后重新上传；也可以输入扫描件上印有的 8 位校验码，由市职鉴中心人工核对`,
    };
  }
  const foreign = codes.find((c) => c.formId !== target.formId);
  if (foreign) {
    return {
      status: 'mismatch',
      versionNo: null,
      verificationCode: null,
      message: `扫描件${pageOf(foreign)}的二维码属于另一份推荐表，不是本单位本次征集的推荐表。请上传本表${want}定稿（校验码 ${target.verificationCode}）的盖章扫描件`,
    };
  }
  const otherVersion = codes.find((c) => c.versionNo !== target.versionNo);
  if (otherVersion) {
    return {
      status: 'mismatch',
      versionNo: otherVersion.versionNo,
      verificationCode: otherVersion.verificationCode,
      message: `扫描件为第 ${String(otherVersion.versionNo)} 版（${pageOf(otherVersion)}），当前定稿为${want}（校验码 ${target.verificationCode}）。请打印${want}定稿，加盖公章后重新扫描上传`,
    };
  }
  const badCode = codes.find((c) => c.verificationCode !== target.verificationCode);
  if (badCode) {
    return {
      status: 'mismatch',
      versionNo: badCode.versionNo,
      verificationCode: badCode.verificationCode,
      message: `扫描件${pageOf(badCode)}的校验码 ${badCode.verificationCode} 与${want}定稿的校验码 ${target.verificationCode} 不一致，扫描件可能不是系统打印的定稿。请重新打印${want}定稿，盖章后扫描上传`,
    };
  }
  const pages = [...new Set(codes.map((c) => c.page))].sort((a, b) => a - b);
  return {
    status: 'matched',
    versionNo: target.versionNo,
    verificationCode: target.verificationCode,
    message: `扫描件与${want}定稿一致（校验码 ${target.verificationCode}，在第 ${pages.join('、')} 页识别到二维码）`,
  };
}

/** Normalises a verification code typed by a person (spaces, dashes and case ignored). */
export function normaliseTypedCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}
