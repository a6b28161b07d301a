import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  OBJECTION_ACTIONS,
  OBJECTION_STATUSES,
  applyObjectionCommand,
  assertObjectionItemListed,
  assertWithinObjectionPeriod,
  isObjectionClosed,
  nextObjectionStatus,
  objectionConclusionProblem,
  openObjectionReceipts,
  withdrawnItemIds,
  type ObjectionAction,
  type ObjectionStatus,
} from './objection.workflow.ts';

const EXPECTED: Record<ObjectionStatus, Partial<Record<ObjectionAction, ObjectionStatus>>> = {
  received: { accept: 'accepted', decline: 'not_accepted' },
  accepted: { investigate: 'investigating', conclude: 'concluded' },
  investigating: { conclude: 'concluded' },
  not_accepted: {},
  concluded: {},
};

describe('nextObjectionStatus: every (status, action) pair', () => {
  const pairs = OBJECTION_STATUSES.flatMap((s) => OBJECTION_ACTIONS.map((a) => [s, a, EXPECTED[s][a] ?? null] as const));
  it.each(pairs)('%s --%s--> %s', (status, action, expected) => {
    if (expected === null) expect(() => nextObjectionStatus(status, action)).toThrow(DomainError);
    else expect(nextObjectionStatus(status, action)).toBe(expected);
  });

  it.each([
    ['received', false],
    ['accepted', false],
    ['investigating', false],
    ['not_accepted', true],
    ['concluded', true],
  ] as const)('%s closed: %s', (status, closed) => expect(isObjectionClosed(status)).toBe(closed));
});

describe('objection commands', () => {
  it.each([
    [{ outcome: 'upheld', reply: '经核实，情况属实。', effect: 'withdrawn' }, null],
    [{ outcome: 'upheld', reply: '经核实，部分属实，已更正标准版本。', effect: 'kept' }, null],
    [{ outcome: 'rejected', reply: '经核实，不属实。', effect: 'kept' }, null],
    [{ outcome: 'rejected', reply: '经核实，不属实。', effect: 'withdrawn' }, '异议不成立时应保留'],
    [{ outcome: 'upheld', reply: ' ', effect: 'withdrawn' }, '须填写给异议人的答复'],
  ] as const)('conclusion %o → %s', (input, problem) => {
    const got = objectionConclusionProblem(input);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('applies commands with their input', () => {
    expect(applyObjectionCommand('received', { action: 'decline', reason: '异议对象不明确' })).toBe('not_accepted');
    expect(() => applyObjectionCommand('received', { action: 'decline', reason: '' })).toThrow('不予受理须填写理由');
    expect(applyObjectionCommand('investigating', { action: 'conclude', outcome: 'upheld', reply: '属实', effect: 'withdrawn' })).toBe('concluded');
    expect(() => applyObjectionCommand('concluded', { action: 'accept' })).toThrow('异议已处理完毕');
  });
});

describe('objection period and item', () => {
  const period = { startDate: '2024-10-08', endDate: '2024-10-14' };
  it.each([
    ['2024-10-07T23:59:59+08:00', '公示尚未开始'],
    ['2024-10-08T00:00:00+08:00', null],
    ['2024-10-14T23:59:59+08:00', null],
    ['2024-10-15T00:00:00+08:00', '公示期为2024年10月8日至2024年10月14日，公示期已结束'],
  ])('at %s → %s', (now, message) => {
    if (message === null) expect(() => assertWithinObjectionPeriod(period, new Date(now))).not.toThrow();
    else expect(() => assertWithinObjectionPeriod(period, new Date(now))).toThrow(message);
  });

  it('refuses an unknown item', () => {
    expect(() => assertObjectionItemListed('c9', ['c1', 'c2'])).toThrow('不在本次公示名单中');
    expect(() => assertObjectionItemListed('c1', new Set(['c1']))).not.toThrow();
  });

  it('names open objections and collects withdrawn items', () => {
    const list = [
      { receiptNo: 'YY-1', status: 'concluded' as const, itemId: 'c1', effect: 'withdrawn' as const },
      { receiptNo: 'YY-2', status: 'investigating' as const, itemId: 'c2', effect: null },
      { receiptNo: 'YY-3', status: 'not_accepted' as const, itemId: 'c3', effect: null },
      { receiptNo: 'YY-4', status: 'concluded' as const, itemId: 'c1', effect: 'withdrawn' as const },
      { receiptNo: 'YY-5', status: 'concluded' as const, itemId: 'c4', effect: 'kept' as const },
    ];
    expect(openObjectionReceipts(list)).toEqual(['YY-2']);
    expect(withdrawnItemIds(list)).toEqual(['c1']);
  });
});
