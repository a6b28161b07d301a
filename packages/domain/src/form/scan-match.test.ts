import { describe, expect, it } from 'vitest';
import { matchScan, normaliseTypedCode, type ScanCode } from './scan-match.ts';
import { transitionForm, type FormFacts } from './form.workflow.ts';

const target = { formId: 'form-a', versionNo: 3, verificationCode: 'AB12CD34' };
const code = (over: Partial<ScanCode> = {}): ScanCode => ({ formId: 'form-a', versionNo: 3, verificationCode: 'AB12CD34', page: 1, ...over });

describe('matchScan', () => {
  it.each<[string, ScanCode[], string, string]>([
    [
      'no code at all',
      [],
      'unreadable',
      '未能从扫描件中识别出推荐表的二维码。请确认上传的是第 3 版定稿打印件的盖章扫描件（二维码清晰、未被公章遮挡）后重新上传；也可以输入扫描件上印有的 8 位校验码，由市职鉴中心人工核对',
    ],
    ['the finalized version on every page', [code(), code({ page: 2 })], 'matched', '扫描件与第 3 版定稿一致（校验码 AB12CD34，在第 1、2 页识别到二维码）'],
    [
      'an earlier version',
      [code({ versionNo: 2, verificationCode: '0F0F0F0F' })],
      'mismatch',
      '扫描件为第 2 版（第 1 页），当前定稿为第 3 版（校验码 AB12CD34）。请打印第 3 版定稿，加盖公章后重新扫描上传',
    ],
    [
      'another unit’s form',
      [code({ formId: 'form-b', page: 7 })],
      'mismatch',
      '扫描件第 7 页的二维码属于另一份推荐表，不是本单位本次征集的推荐表。请上传本表第 3 版定稿（校验码 AB12CD34）的盖章扫描件',
    ],
    [
      'a forged code for this version',
      [code({ verificationCode: 'FFFFFFFF' })],
      'mismatch',
      '扫描件第 1 页的校验码 FFFFFFFF 与第 3 版定稿的校验码 AB12CD34 不一致，扫描件可能不是系统打印的定稿。请重新打印第 3 版定稿，盖章后扫描上传',
    ],
    [
      'pages of two versions mixed',
      [code(), code({ versionNo: 2, page: 2 })],
      'mismatch',
      '扫描件为第 2 版（第 2 页），当前定稿为第 3 版（校验码 AB12CD34）。请打印第 3 版定稿，加盖公章后重新扫描上传',
    ],
  ])('%s', (_name, codes, status, message) => {
    const match = matchScan(codes, target);
    expect(match.status).toBe(status);
    expect(match.message).toBe(message);
  });

  it('normalises a typed code', () => {
    expect(normaliseTypedCode(' ab12-cd34 ')).toBe('AB12CD34');
  });
});

describe('finalization in the form workflow', () => {
  const open: FormFacts = { now: new Date('2024-10-10T10:00:00+08:00'), campaignStatus: 'open', deadline: '2024-10-22', checkingStarted: false };
  it('a finalized form cannot be saved, an unfinalized one cannot be submitted', () => {
    expect(() => transitionForm('draft', 'save', { ...open, finalized: true })).toThrow(
      '推荐表已定稿，内容不能修改；如需修改，请先点击“撤销定稿”（已打印、盖章的定稿随之作废）',
    );
    expect(() => transitionForm('draft', 'submit', { ...open, finalized: false })).toThrow('请先“定稿”并打印定稿版本，加盖公章后上传扫描件，再提交');
    expect(transitionForm('draft', 'submit', { ...open, finalized: true })).toBe('submitted');
  });
});
