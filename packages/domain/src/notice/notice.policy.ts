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

/** What the abilities of one notice depend on: its own status and its campaign's phase. */
export interface NoticeAbilityTarget {
  noticeStatus: 'draft' | 'published';
  campaignStatus: string | null;
}

/**
 * The abilities map of one notice, for its page: a draft is edited and published (publishing needs the campaign in
 * 专家评估, where it moves to 公示); the final list is published during 公示; the dossier is exported at any time.
 */
export function noticeViewAbilities(actor: Actor, target: NoticeAbilityTarget): Record<'update' | 'publish' | 'publishFinal' | 'exportDossier', boolean> {
  const manage = canNotice(actor, 'notice.manage');
  return {
    update: manage && target.noticeStatus === 'draft',
    publish: manage && target.noticeStatus === 'draft' && target.campaignStatus === 'reviewing',
    publishFinal: canNotice(actor, 'finalList.publish') && target.campaignStatus === 'publicizing',
    exportDossier: canNotice(actor, 'dossier.export'),
  };
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
