import { DomainError, type ErrorCode } from '../shared/errors.ts';
import { endOfShanghaiDay, formatChineseDate } from '../shared/clock.ts';

/** The phases of a campaign (product.md §2), in order. */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'reviewing', 'publicizing', 'published', 'archived'] as const;
/** A campaign phase. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Chinese labels of the campaign phases. */
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  open: '征集中',
  closed: '已截止',
  reviewing: '专家评估',
  publicizing: '公示中',
  published: '已发布',
  archived: '已归档',
};

/**
 * The explicit transitions of a campaign. `reopen` (closed → open) exists because the center may extend the
 * deadline of the whole call after it closed; once experts are involved (reviewing) there is no way back.
 */
export const CAMPAIGN_ACTIONS = ['open', 'close', 'reopen', 'startReview', 'startPublicity', 'publish', 'archive'] as const;
/** A campaign transition. */
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** Chinese labels of the campaign transitions. */
export const CAMPAIGN_ACTION_LABELS: Record<CampaignAction, string> = {
  open: '开启征集',
  close: '截止征集',
  reopen: '重新开启征集',
  startReview: '开始专家评估',
  startPublicity: '开始公示',
  publish: '发布最终名单',
  archive: '归档',
};

/** The transition table: for each phase, the actions allowed and the phase they lead to. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, Partial<Record<CampaignAction, CampaignStatus>>> = {
  draft: { open: 'open' },
  open: { close: 'closed' },
  closed: { reopen: 'open', startReview: 'reviewing' },
  reviewing: { startPublicity: 'publicizing' },
  publicizing: { publish: 'published' },
  published: { archive: 'archived' },
  archived: {},
};

/** Where a campaign transition that is not a button of its own happens: the page and the action there. */
export interface IndirectCampaignAction {
  /** The web path of the page where the action is done. */
  path: string;
  /** The Chinese name of that page. */
  pageLabel: string;
  /** Why the phase cannot be changed directly and what to do instead (Chinese). */
  message: string;
}

/**
 * Transitions that only happen as part of another action: a campaign enters 公示中 only by publishing its notice
 * (so that a notice exists to object to and to end), and 已发布 only by publishing the final list (so that the list
 * exists). The phase route refuses them with this message, and the phase buttons point to the page instead.
 */
export const INDIRECT_CAMPAIGN_ACTIONS: Partial<Record<CampaignAction, IndirectCampaignAction>> = {
  startPublicity: {
    path: '/notices',
    pageLabel: '公示与发布',
    message: '公示不能直接开始：请在“公示与发布”页面创建公示并点击“发布公示”，发布后征集活动自动进入“公示中”阶段',
  },
  publish: {
    path: '/notices',
    pageLabel: '公示与发布',
    message: '最终名单不能在此发布：请在“公示与发布”页面，待公示期满且异议全部办结后点击“发布最终名单”，征集活动随之进入“已发布”阶段',
  },
};

/** The page where an indirect transition is done, or null when the action is a transition of its own. */
export function indirectCampaignAction(action: CampaignAction): IndirectCampaignAction | null {
  return INDIRECT_CAMPAIGN_ACTIONS[action] ?? null;
}

/** Refuses (INVALID_STATE, with the page to go to) an action that only happens as part of another action. */
export function requireDirectCampaignAction(action: CampaignAction): void {
  const indirect = indirectCampaignAction(action);
  if (indirect) throw new DomainError('INVALID_STATE', indirect.message, { action, path: indirect.path });
}

/** The actions allowed in a phase, in the order of CAMPAIGN_ACTIONS. */
export function allowedCampaignActions(status: CampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((a) => CAMPAIGN_TRANSITIONS[status][a] !== undefined);
}

/** Why the transition table forbids an action in a phase (naming what is allowed instead), or null when it allows it. */
export function campaignTableRefusal(status: CampaignStatus, action: CampaignAction): string | null {
  if (CAMPAIGN_TRANSITIONS[status][action] !== undefined) return null;
  const allowed = allowedCampaignActions(status).map((a) => `“${CAMPAIGN_ACTION_LABELS[a]}”`);
  const hint = allowed.length > 0 ? `当前只能${allowed.join('或')}` : '当前不能再变更阶段';
  return `征集活动处于“${CAMPAIGN_STATUS_LABELS[status]}”阶段，不能${CAMPAIGN_ACTION_LABELS[action]}；${hint}`;
}

/** The phase after an action; throws DomainError('INVALID_STATE') with a Chinese reason when the table forbids it. */
export function nextCampaignStatus(status: CampaignStatus, action: CampaignAction): CampaignStatus {
  const next = CAMPAIGN_TRANSITIONS[status][action];
  if (next === undefined) throw new DomainError('INVALID_STATE', campaignTableRefusal(status, action)!, { status, action });
  return next;
}

/**
 * What the guards need to know about a campaign, computed by the caller. A fact a guard needs but that is
 * missing counts as not satisfied (deny by default).
 */
export interface CampaignFacts {
  now: Date;
  /** Inclusive deadline, an ISO date read in Asia/Shanghai; null when not set. */
  deadline?: string | null;
  /** Number of expected units on the roster. */
  rosterSize?: number;
  /** Forms submitted and not yet accepted or returned (material check not finished). */
  uncheckedForms?: number;
  /** Candidates in the pool. */
  candidateCount?: number;
  /** Candidates without a selected / not selected decision. */
  undecidedCandidates?: number;
  /** Candidates decided as selected. */
  selectedCandidates?: number;
  /** Inclusive last day of the public notice (ISO date, Asia/Shanghai); null when no notice exists. */
  noticeEndDate?: string | null;
  /** Receipt numbers of objections not yet closed. */
  openObjectionReceipts?: readonly string[];
}

/** A guard failure: the error code to answer with and a Chinese reason. */
export interface GuardFailure {
  code: ErrorCode;
  message: string;
}

function fail(message: string, code: ErrorCode = 'INVALID_STATE'): GuardFailure {
  return { code, message };
}

function futureDeadlineFailure(facts: CampaignFacts): GuardFailure | null {
  if (!facts.deadline) return fail('请先设置截止日期');
  if (endOfShanghaiDay(facts.deadline).getTime() <= facts.now.getTime()) {
    return fail(`截止日期${formatChineseDate(endOfShanghaiDay(facts.deadline))}已过，请先将截止日期改为今天或以后的日期`);
  }
  return null;
}

/** The reason why an action's guard is not met, or null when it is; the transition table is checked separately. */
export function campaignGuardFailure(action: CampaignAction, facts: CampaignFacts): GuardFailure | null {
  switch (action) {
    case 'open':
    case 'reopen': {
      const deadline = futureDeadlineFailure(facts);
      if (deadline) return deadline;
      if (!facts.rosterSize || facts.rosterSize <= 0) return fail('请先在名单中添加至少一个应报单位');
      return null;
    }
    case 'close':
      if (!facts.deadline) return fail('请先设置截止日期');
      if (endOfShanghaiDay(facts.deadline).getTime() > facts.now.getTime()) {
        return fail(`截止日期${formatChineseDate(endOfShanghaiDay(facts.deadline))}尚未到达，截止日后方可截止征集`);
      }
      return null;
    case 'startReview':
      if (facts.uncheckedForms === undefined || facts.uncheckedForms > 0) {
        return fail(`尚有${String(facts.uncheckedForms ?? '若干')}份推荐表未完成材料核验，请先受理或退回`);
      }
      if (!facts.candidateCount || facts.candidateCount <= 0) return fail('候选职业库为空，请先受理推荐表并生成候选职业库');
      return null;
    case 'startPublicity':
      if (facts.undecidedCandidates === undefined || facts.undecidedCandidates > 0) {
        return fail(`尚有${String(facts.undecidedCandidates ?? '若干')}个候选职业未作出是否入选的决定`);
      }
      if (!facts.selectedCandidates || facts.selectedCandidates <= 0) return fail('没有入选的职业，无法开始公示');
      return null;
    case 'publish': {
      if (!facts.noticeEndDate) return fail('请先发布公示');
      const end = endOfShanghaiDay(facts.noticeEndDate);
      if (end.getTime() >= facts.now.getTime()) return fail(`公示期至${formatChineseDate(end)}结束，公示期满后方可发布最终名单`);
      const open = facts.openObjectionReceipts;
      if (open === undefined) return fail('无法确认异议处理情况，请刷新后重试');
      if (open.length > 0) return fail(`尚有异议未办结（受理编号：${open.join('、')}），请先办结后再发布`);
      return null;
    }
    case 'archive':
      return null;
  }
}

/** Checks the table and the guard; returns the next phase or throws DomainError with the reason. */
export function transitionCampaign(status: CampaignStatus, action: CampaignAction, facts: CampaignFacts): CampaignStatus {
  const next = nextCampaignStatus(status, action);
  const failure = campaignGuardFailure(action, facts);
  if (failure) throw new DomainError(failure.code, failure.message, { status, action });
  return next;
}

/** True while units may still write to their forms under the general deadline (open and before its end). */
export function isCampaignAcceptingForms(status: CampaignStatus, deadline: string | null, now: Date): boolean {
  return status === 'open' && deadline !== null && now.getTime() <= endOfShanghaiDay(deadline).getTime();
}

/** The phase to show: an open campaign whose deadline has passed shows as closed before anyone closes it. */
export function effectiveCampaignStatus(status: CampaignStatus, deadline: string | null, now: Date): CampaignStatus {
  if (status === 'open' && deadline !== null && now.getTime() > endOfShanghaiDay(deadline).getTime()) return 'closed';
  return status;
}

/**
 * The confirmation to ask for when an edit moves the deadline from `previous` to `next` and `next` is already
 * over at `now` (the call closes at once for everyone who has not submitted), or null when there is nothing to confirm.
 */
export function pastDeadlineConfirmation(previous: string | null, next: string, now: Date, notSubmitted: number): string | null {
  if (next === previous || endOfShanghaiDay(next).getTime() >= now.getTime()) return null;
  const day = formatChineseDate(endOfShanghaiDay(next));
  const who = notSubmitted > 0 ? `尚有${String(notSubmitted)}个应报单位未提交推荐表，保存后将不能再提交` : '没有尚未提交的应报单位，保存后征集即告截止';
  return `新的截止日期${day}已过：${who}。确认要把截止日期改为${day}吗？`;
}
