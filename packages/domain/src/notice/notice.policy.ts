import type { Actor } from '../shared/actor.ts';

/** What one can do with notices, objections and the final list. */
export const NOTICE_ACTIONS = ['notice.manage', 'objection.handle', 'objection.viewPersonal', 'finalList.publish', 'dossier.export', 'history.view'] as const;
/** An action on the notice step. */
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** Deny by default: the center manages the notice step; the public only reads published pages and files objections. */
export function canNotice(actor: Actor, action: NoticeAction): boolean {
  if (actor.kind !== 'user') return false;
  switch (action) {
    case 'notice.manage':
    case 'objection.handle':
    case 'objection.viewPersonal':
    case 'finalList.publish':
    case 'dossier.export':
    case 'history.view':
      return actor.role === 'center';
  }
}

/** The abilities map of an actor for the notice step, for /api/me. */
export function noticeAbilities(actor: Actor): Record<NoticeAction, boolean> {
  return Object.fromEntries(NOTICE_ACTIONS.map((a) => [a, canNotice(actor, a)])) as Record<NoticeAction, boolean>;
}

/** Outcome labels of an occupation in a campaign (history). */
export const HISTORY_OUTCOME_LABELS = {
  candidate: '候选（未决定）',
  selected: '入选',
  not_selected: '未入选',
  withdrawn: '公示后撤销',
  publicized: '公示中',
  final: '已发布',
} as const;
