import { DomainError } from '../shared/errors.ts';
import { endOfShanghaiDay, formatChineseDate, formatChineseDateTime } from '../shared/clock.ts';
import type { CampaignStatus, GuardFailure } from '../campaign/campaign.workflow.ts';

/** The statuses of a unit's recommendation form (product.md §2). */
export const FORM_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
/** A form status. */
export type FormStatus = (typeof FORM_STATUSES)[number];

/** Chinese labels of the form statuses. */
export const FORM_STATUS_LABELS: Record<FormStatus, string> = {
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已受理',
};

/** The actions that change (or keep) a form's status. */
export const FORM_ACTIONS = ['save', 'submit', 'withdraw', 'return', 'accept'] as const;
/** A form action. */
export type FormAction = (typeof FORM_ACTIONS)[number];

/** Chinese labels of the form actions. */
export const FORM_ACTION_LABELS: Record<FormAction, string> = {
  save: '保存',
  submit: '提交',
  withdraw: '撤回',
  return: '退回',
  accept: '受理',
};

/** The transition table: a submitted form is read-only until withdrawn or returned; an accepted one for good. */
export const FORM_TRANSITIONS: Record<FormStatus, Partial<Record<FormAction, FormStatus>>> = {
  draft: { save: 'draft', submit: 'submitted' },
  submitted: { withdraw: 'draft', return: 'returned', accept: 'accepted' },
  returned: { save: 'returned', submit: 'submitted' },
  accepted: {},
};

/** The actions allowed in a status, in the order of FORM_ACTIONS. */
export function allowedFormActions(status: FormStatus): FormAction[] {
  return FORM_ACTIONS.filter((a) => FORM_TRANSITIONS[status][a] !== undefined);
}

/** The status after an action; throws DomainError('INVALID_STATE') with a Chinese reason when not allowed. */
export function nextFormStatus(status: FormStatus, action: FormAction): FormStatus {
  const next = FORM_TRANSITIONS[status][action];
  if (next === undefined) {
    const hint: Record<FormStatus, string> = {
      draft: '推荐表尚未提交',
      submitted: '推荐表已提交，如需修改请先撤回',
      returned: '推荐表已退回，请修改后重新提交',
      accepted: '推荐表已受理，不能再修改',
    };
    throw new DomainError('INVALID_STATE', `推荐表当前为“${FORM_STATUS_LABELS[status]}”，不能${FORM_ACTION_LABELS[action]}：${hint[status]}`, {
      status,
      action,
    });
  }
  return next;
}

/** What the form guards need to know, computed by the caller at request time. */
export interface FormFacts {
  now: Date;
  campaignStatus: CampaignStatus;
  /** The campaign's inclusive deadline (ISO date, Asia/Shanghai); null when not set. */
  deadline: string | null;
  /** The unit's late exception (new time limit, an instant), if the center granted one. */
  lateExceptionUntil?: Date | null;
  /** For a returned form: the resubmission time limit set with the return. */
  returnedUntil?: Date | null;
  /** Whether the center has started the material check of the submitted version. */
  checkingStarted?: boolean;
  /** Whether the content is frozen as a finalized version (定稿) awaiting its sealed scan and submission. */
  finalized?: boolean;
}

/** What the center enters when returning a form. */
export interface FormReturnInput {
  reason: string;
  /** The resubmission time limit, an instant. */
  until: Date | null;
}

const fail = (code: GuardFailure['code'], message: string): GuardFailure => ({ code, message });

/** Whether the general deadline or the unit's late exception still allows writing (the campaign state aside). */
function withinUnitWindow(facts: FormFacts): boolean {
  const before = (limit: Date) => facts.now.getTime() <= limit.getTime();
  if (facts.campaignStatus === 'open' && facts.deadline !== null && before(endOfShanghaiDay(facts.deadline))) return true;
  return facts.lateExceptionUntil != null && before(facts.lateExceptionUntil);
}

function windowFailure(facts: FormFacts, status: FormStatus): GuardFailure | null {
  const { campaignStatus } = facts;
  if (campaignStatus === 'draft') return fail('INVALID_STATE', '征集尚未开启，暂不能填报');
  if (campaignStatus !== 'open' && campaignStatus !== 'closed') {
    return fail('INVALID_STATE', '征集已进入后续阶段，推荐表不能再修改或提交');
  }
  if (status === 'returned' && facts.returnedUntil != null) {
    if (facts.now.getTime() <= facts.returnedUntil.getTime()) return null;
    return fail('DEADLINE_PASSED', `退回修改的时限（${formatChineseDateTime(facts.returnedUntil)}）已过，如需延期请联系市职鉴中心`);
  }
  if (withinUnitWindow(facts)) return null;
  const deadline = facts.deadline ? `截止日期为${formatChineseDate(endOfShanghaiDay(facts.deadline))}，` : '';
  const late = facts.lateExceptionUntil ? `延期时限${formatChineseDateTime(facts.lateExceptionUntil)}也已过，` : '';
  return fail('DEADLINE_PASSED', `已超过截止时间：${deadline}${late}如确需补报，请联系市职鉴中心申请延期`);
}

/**
 * The reason a form action's guard is not met, or null. Save and submit need the campaign open and the clock
 * before the inclusive deadline, or within the unit's late exception (also after the campaign closed), or, for
 * a returned form, within its resubmission time limit. Withdraw needs the same window and no check started.
 * Return and accept are the center's material check while the campaign is open or closed; a return's
 * reason and time limit are checked by formReturnInputFailure.
 */
export function formGuardFailure(status: FormStatus, action: FormAction, facts: FormFacts): GuardFailure | null {
  switch (action) {
    case 'save':
      if (facts.finalized === true) return fail('INVALID_STATE', '推荐表已定稿，内容不能修改；如需修改，请先点击“撤销定稿”（已打印、盖章的定稿随之作废）');
      return windowFailure(facts, status);
    case 'submit':
      if (facts.finalized === false) return fail('INVALID_STATE', '请先“定稿”并打印定稿版本，加盖公章后上传扫描件，再提交');
      return windowFailure(facts, status);
    case 'withdraw':
      if (facts.checkingStarted !== false) return fail('INVALID_STATE', '市职鉴中心已开始核验该推荐表，不能撤回；如需修改请联系市职鉴中心退回');
      return windowFailure(facts, status);
    case 'return':
    case 'accept':
      if (facts.campaignStatus !== 'open' && facts.campaignStatus !== 'closed') {
        return fail('INVALID_STATE', '征集已进入后续阶段，不能再受理或退回推荐表');
      }
      return null;
  }
}

/** The reason a return's input is incomplete (reason required, time limit in the future), or null. */
export function formReturnInputFailure(input: FormReturnInput, now: Date): GuardFailure | null {
  if (!input.reason.trim()) return fail('VALIDATION', '退回推荐表须填写退回理由');
  if (!input.until) return fail('VALIDATION', '退回推荐表须设置重新提交的时限');
  if (input.until.getTime() <= now.getTime()) return fail('VALIDATION', '重新提交的时限须晚于当前时间');
  return null;
}

/** Checks the table, the guard and (for `return`) its input; returns the next status or throws DomainError. */
export function transitionForm(status: FormStatus, action: FormAction, facts: FormFacts, returnInput?: FormReturnInput): FormStatus {
  const next = nextFormStatus(status, action);
  const failure =
    formGuardFailure(status, action, facts) ?? (action === 'return' ? formReturnInputFailure(returnInput ?? { reason: '', until: null }, facts.now) : null);
  if (failure) throw new DomainError(failure.code, failure.message, { status, action });
  return next;
}

/** True when the action is allowed now by both the table and its guard (for abilities maps). */
export function isFormActionAllowed(status: FormStatus, action: FormAction, facts: FormFacts): boolean {
  return FORM_TRANSITIONS[status][action] !== undefined && formGuardFailure(status, action, facts) === null;
}
