import { DomainError } from '../shared/errors.ts';
import { endOfShanghaiDay, formatChineseDate } from '../shared/clock.ts';

/** The statuses of an objection (issue 8): received, then not accepted, or accepted → investigating → concluded. */
export const OBJECTION_STATUSES = ['received', 'not_accepted', 'accepted', 'investigating', 'concluded'] as const;
/** An objection status. */
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Chinese labels of the objection statuses (shown to the objector too). */
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  received: '已收到',
  not_accepted: '不予受理',
  accepted: '已受理',
  investigating: '调查核实中',
  concluded: '已办结',
};

/** The center's actions on an objection. */
export const OBJECTION_ACTIONS = ['accept', 'decline', 'investigate', 'conclude'] as const;
/** An action on an objection. */
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];

/** Chinese labels of the objection actions. */
export const OBJECTION_ACTION_LABELS: Record<ObjectionAction, string> = {
  accept: '受理',
  decline: '不予受理',
  investigate: '开始调查核实',
  conclude: '办结',
};

/** The transition table; not_accepted and concluded are final. */
export const OBJECTION_TRANSITIONS: Record<ObjectionStatus, Partial<Record<ObjectionAction, ObjectionStatus>>> = {
  received: { accept: 'accepted', decline: 'not_accepted' },
  accepted: { investigate: 'investigating', conclude: 'concluded' },
  investigating: { conclude: 'concluded' },
  not_accepted: {},
  concluded: {},
};

/** The outcome of a concluded objection: 成立 / 不成立. */
export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
/** An objection outcome. */
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
/** Chinese labels of the outcomes. */
export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = { upheld: '异议成立', rejected: '异议不成立' };

/** The effect of a concluded objection on the listed item: kept or withdrawn. */
export const OBJECTION_EFFECTS = ['kept', 'withdrawn'] as const;
/** An objection's effect on its item. */
export type ObjectionEffect = (typeof OBJECTION_EFFECTS)[number];
/** Chinese labels of the effects. */
export const OBJECTION_EFFECT_LABELS: Record<ObjectionEffect, string> = { kept: '保留该职业（工种）', withdrawn: '撤销该职业（工种）' };

/** The status after an action; throws DomainError('INVALID_STATE') with a Chinese reason when not allowed. */
export function nextObjectionStatus(status: ObjectionStatus, action: ObjectionAction): ObjectionStatus {
  const next = OBJECTION_TRANSITIONS[status][action];
  if (next === undefined) {
    throw new DomainError(
      'INVALID_STATE',
      `该异议当前为“${OBJECTION_STATUS_LABELS[status]}”，不能${OBJECTION_ACTION_LABELS[action]}${isObjectionClosed(status) ? '：异议已处理完毕' : ''}`,
      { status, action },
    );
  }
  return next;
}

/** Whether an objection is closed (final): not accepted or concluded. */
export function isObjectionClosed(status: ObjectionStatus): boolean {
  switch (status) {
    case 'not_accepted':
    case 'concluded':
      return true;
    case 'received':
    case 'accepted':
    case 'investigating':
      return false;
  }
}

/** What the center enters when declining (不予受理): a reason shown to the objector. */
export interface ObjectionDeclineInput {
  reason: string;
}

/** What the center enters when concluding: outcome, reply to the objector, effect on the item. */
export interface ObjectionConclusionInput {
  outcome: ObjectionOutcome;
  reply: string;
  effect: ObjectionEffect;
}

/** The Chinese problem with a conclusion, or null: a reply is required, and an objection not upheld keeps the item. */
export function objectionConclusionProblem(input: ObjectionConclusionInput): string | null {
  if (!input.reply.trim()) return '办结异议须填写给异议人的答复';
  if (input.outcome === 'rejected' && input.effect === 'withdrawn') return '异议不成立时应保留该职业（工种）；如需撤销，请将结论改为“异议成立”';
  return null;
}

/** The Chinese problem with a decline, or null: a reason is required. */
export function objectionDeclineProblem(input: ObjectionDeclineInput): string | null {
  return input.reason.trim() ? null : '不予受理须填写理由';
}

/** A notice period as inclusive ISO dates in Asia/Shanghai. */
export interface ObjectionPeriod {
  startDate: string;
  endDate: string;
}

/** Throws DomainError('DEADLINE_PASSED') naming the period when `now` is outside the notice period. */
export function assertWithinObjectionPeriod(period: ObjectionPeriod, now: Date): void {
  const start = new Date(`${period.startDate}T00:00:00+08:00`);
  const end = endOfShanghaiDay(period.endDate);
  const text = `公示期为${formatChineseDate(start)}至${formatChineseDate(end)}`;
  if (now.getTime() < start.getTime()) throw new DomainError('DEADLINE_PASSED', `${text}，公示尚未开始，请在公示期内提出异议`);
  if (now.getTime() > end.getTime()) throw new DomainError('DEADLINE_PASSED', `${text}，公示期已结束，不再受理异议`);
}

/** Throws DomainError('NOT_FOUND') when the item is not on the notice. */
export function assertObjectionItemListed(itemId: string, listedItemIds: ReadonlySet<string> | readonly string[]): void {
  const listed = listedItemIds instanceof Set ? listedItemIds.has(itemId) : (listedItemIds as readonly string[]).includes(itemId);
  if (!listed) throw new DomainError('NOT_FOUND', '所异议的职业（工种）不在本次公示名单中，请从公示名单中选择');
}

/** The receipt numbers of objections not yet closed; publishing the final list needs none (names them otherwise). */
export function openObjectionReceipts(objections: readonly { receiptNo: string; status: ObjectionStatus }[]): string[] {
  return objections.filter((o) => !isObjectionClosed(o.status)).map((o) => o.receiptNo);
}

/** The item ids withdrawn by concluded objections, for the final list. */
export function withdrawnItemIds(objections: readonly { itemId: string; status: ObjectionStatus; effect: ObjectionEffect | null }[]): string[] {
  return [...new Set(objections.filter((o) => o.status === 'concluded' && o.effect === 'withdrawn').map((o) => o.itemId))];
}

/** A command of the center on an objection, with the input its action needs. */
export type ObjectionCommand =
  { action: 'accept' } | { action: 'investigate' } | ({ action: 'decline' } & ObjectionDeclineInput) | ({ action: 'conclude' } & ObjectionConclusionInput);

/** Checks the table and the command's input; returns the next status or throws DomainError. */
export function applyObjectionCommand(status: ObjectionStatus, command: ObjectionCommand): ObjectionStatus {
  const next = nextObjectionStatus(status, command.action);
  const problem = command.action === 'decline' ? objectionDeclineProblem(command) : command.action === 'conclude' ? objectionConclusionProblem(command) : null;
  if (problem) throw new DomainError('VALIDATION', problem, { status, action: command.action });
  return next;
}
