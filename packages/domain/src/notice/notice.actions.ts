import type { Actor } from '../shared/actor.ts';
import { NO_PERMISSION_REASON, availability, type ActionAvailability } from '../shared/action-availability.ts';
import { shanghaiIsoDate } from '../shared/clock.ts';
import { campaignGuardFailure, campaignTableRefusal, type CampaignStatus } from '../campaign/campaign.workflow.ts';
import { canNotice } from './notice.policy.ts';
import { chineseIsoDate } from './working-days.ts';

/** What the notice page's two commands depend on, read by the server when it presents the notice. */
export interface NoticeActionFacts {
  now: Date;
  noticeStatus: 'draft' | 'published';
  campaignStatus: CampaignStatus;
  /** The notice period, ISO dates (Asia/Shanghai, inclusive). */
  startDate: string;
  endDate: string;
  /** Candidates of the pool without a selected / not selected decision, and those selected. */
  undecidedCandidates: number;
  selectedCandidates: number;
  /** Receipt numbers of the notice's objections not yet closed. */
  openObjectionReceipts: readonly string[];
}

/** Why a notice starting on `startDate` cannot be published now (its start day has passed), or null. */
export function noticeStartRefusal(startDate: string, now: Date): string | null {
  const today = shanghaiIsoDate(now);
  if (startDate >= today) return null;
  return `公示开始日期${chineseIsoDate(startDate)}已过（今天是${chineseIsoDate(today)}），不能发布：请先将公示草稿的开始日期改为今天或以后的日期`;
}

function publishRefusal(actor: Actor, f: NoticeActionFacts): string | null {
  if (!canNotice(actor, 'notice.manage')) return NO_PERMISSION_REASON;
  if (f.noticeStatus !== 'draft') return '该公示已发布';
  return (
    noticeStartRefusal(f.startDate, f.now) ??
    campaignTableRefusal(f.campaignStatus, 'startPublicity') ??
    campaignGuardFailure('startPublicity', { now: f.now, undecidedCandidates: f.undecidedCandidates, selectedCandidates: f.selectedCandidates })?.message ??
    null
  );
}

function publishFinalRefusal(actor: Actor, f: NoticeActionFacts): string | null {
  if (!canNotice(actor, 'finalList.publish')) return NO_PERMISSION_REASON;
  if (f.noticeStatus !== 'published') return '请先发布公示';
  return (
    campaignTableRefusal(f.campaignStatus, 'publish') ??
    campaignGuardFailure('publish', { now: f.now, noticeEndDate: f.endDate, openObjectionReceipts: f.openObjectionReceipts })?.message ??
    null
  );
}

/**
 * Whether 发布公示 and 发布最终名单 can succeed now, each with the reason the server would refuse it (start date past,
 * phase, undecided or no selected candidates; notice period running, objections open), so that the page disables the
 * button with the reason instead of failing after its confirmation.
 */
export function noticeActions(actor: Actor, facts: NoticeActionFacts): Record<'publish' | 'publishFinal', ActionAvailability> {
  return { publish: availability(publishRefusal(actor, facts)), publishFinal: availability(publishFinalRefusal(actor, facts)) };
}
