import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  FORM_ACTIONS,
  FORM_STATUSES,
  formGuardFailure,
  formReturnInputFailure,
  nextFormStatus,
  transitionForm,
  type FormAction,
  type FormFacts,
  type FormStatus,
} from './form.workflow.ts';

const EXPECTED: Record<FormStatus, Partial<Record<FormAction, FormStatus>>> = {
  draft: { save: 'draft', submit: 'submitted' },
  submitted: { withdraw: 'draft', return: 'returned', accept: 'accepted' },
  returned: { save: 'returned', submit: 'submitted' },
  accepted: {},
};

describe('nextFormStatus: every (status, action) pair', () => {
  const pairs = FORM_STATUSES.flatMap((s) => FORM_ACTIONS.map((a) => [s, a, EXPECTED[s][a] ?? null] as const));
  it.each(pairs)('%s --%s--> %s', (status, action, expected) => {
    if (expected === null) {
      expect(() => nextFormStatus(status, action)).toThrow(DomainError);
      expect(() => nextFormStatus(status, action)).toThrow(/推荐表当前为/);
    } else {
      expect(nextFormStatus(status, action)).toBe(expected);
    }
  });
});

const at = (s: string) => new Date(s);
const open: FormFacts = { now: at('2024-11-20T23:59:59+08:00'), campaignStatus: 'open', deadline: '2024-11-20', checkingStarted: false };
const afterDeadline: FormFacts = { ...open, now: at('2024-11-21T00:00:00+08:00') };

describe('form guards', () => {
  it.each<[string, FormStatus, FormAction, FormFacts, string | null]>([
    ['submit on the last second of the deadline day', 'draft', 'submit', open, null],
    ['submit one second after', 'draft', 'submit', afterDeadline, 'DEADLINE_PASSED'],
    ['save after the deadline', 'draft', 'save', afterDeadline, 'DEADLINE_PASSED'],
    ['submit before the campaign opens', 'draft', 'submit', { ...open, campaignStatus: 'draft' }, 'INVALID_STATE'],
    ['submit within a late exception', 'draft', 'submit', { ...afterDeadline, lateExceptionUntil: at('2024-11-25T17:00:00+08:00') }, null],
    [
      'submit within a late exception, campaign closed',
      'draft',
      'submit',
      { ...afterDeadline, campaignStatus: 'closed', lateExceptionUntil: at('2024-11-25T17:00:00+08:00') },
      null,
    ],
    ['submit after the late exception', 'draft', 'submit', { ...afterDeadline, lateExceptionUntil: at('2024-11-20T17:00:00+08:00') }, 'DEADLINE_PASSED'],
    [
      'late exception does not reach into review',
      'draft',
      'submit',
      { ...afterDeadline, campaignStatus: 'reviewing', lateExceptionUntil: at('2024-11-25T17:00:00+08:00') },
      'INVALID_STATE',
    ],
    ['submit while closed without exception', 'draft', 'submit', { ...open, campaignStatus: 'closed' }, 'DEADLINE_PASSED'],
    [
      'resubmit a returned form within its limit',
      'returned',
      'submit',
      { ...afterDeadline, campaignStatus: 'closed', returnedUntil: at('2024-11-28T17:00:00+08:00') },
      null,
    ],
    [
      'resubmit a returned form after its limit',
      'returned',
      'submit',
      { ...afterDeadline, now: at('2024-11-28T17:00:01+08:00'), returnedUntil: at('2024-11-28T17:00:00+08:00') },
      'DEADLINE_PASSED',
    ],
    ['save a returned form within its limit', 'returned', 'save', { ...afterDeadline, returnedUntil: at('2024-11-28T17:00:00+08:00') }, null],
    ['returned without a limit falls back to the deadline', 'returned', 'submit', open, null],
    ['withdraw before checking', 'submitted', 'withdraw', open, null],
    ['withdraw after checking started', 'submitted', 'withdraw', { ...open, checkingStarted: true }, 'INVALID_STATE'],
    ['withdraw with unknown checking state', 'submitted', 'withdraw', { ...open, checkingStarted: undefined }, 'INVALID_STATE'],
    ['withdraw after the deadline', 'submitted', 'withdraw', afterDeadline, 'DEADLINE_PASSED'],
    ['withdraw when campaign closed', 'submitted', 'withdraw', { ...open, campaignStatus: 'closed' }, 'DEADLINE_PASSED'],
    ['accept while open', 'submitted', 'accept', open, null],
    ['accept while closed', 'submitted', 'accept', { ...afterDeadline, campaignStatus: 'closed' }, null],
    ['accept during review', 'submitted', 'accept', { ...open, campaignStatus: 'reviewing' }, 'INVALID_STATE'],
    ['return during publicity', 'submitted', 'return', { ...open, campaignStatus: 'publicizing' }, 'INVALID_STATE'],
  ])('%s', (_name, status, action, facts, code) => {
    const failure = formGuardFailure(status, action, facts);
    expect(failure?.code ?? null).toBe(code);
    if (failure) expect(failure.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the deadline and the exception in the message', () => {
    const f = formGuardFailure('draft', 'submit', { ...afterDeadline, lateExceptionUntil: at('2024-11-20T17:00:00+08:00') });
    expect(f?.message).toContain('2024年11月20日');
    expect(f?.message).toContain('延期时限2024年11月20日 17:00');
  });

  it('a return needs a reason and a future time limit', () => {
    const now = open.now;
    expect(formReturnInputFailure({ reason: ' ', until: at('2024-12-01T00:00:00+08:00') }, now)?.message).toBe('退回推荐表须填写退回理由');
    expect(formReturnInputFailure({ reason: '缺盖章页', until: null }, now)?.message).toContain('时限');
    expect(formReturnInputFailure({ reason: '缺盖章页', until: at('2024-11-01T00:00:00+08:00') }, now)?.message).toContain('晚于当前时间');
    expect(formReturnInputFailure({ reason: '缺盖章页', until: at('2024-12-01T00:00:00+08:00') }, now)).toBeNull();
    expect(() => transitionForm('submitted', 'return', open)).toThrow('退回理由');
    expect(transitionForm('submitted', 'return', open, { reason: '缺盖章页', until: at('2024-12-01T00:00:00+08:00') })).toBe('returned');
  });

  it('transitionForm throws the guard code', () => {
    try {
      transitionForm('draft', 'submit', afterDeadline);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('DEADLINE_PASSED');
    }
  });
});
