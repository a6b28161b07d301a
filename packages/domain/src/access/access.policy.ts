import type { Actor } from '../shared/actor.ts';
import { canForm, type FormPolicyAction, type FormPolicyTarget } from '../form/form.policy.ts';
import { canCampaign, type CampaignPolicyAction, type CampaignPolicyTarget } from '../campaign/campaign.policy.ts';
import { canNotice, type NoticeAction } from '../notice/notice.policy.ts';
import { canReview, type ReviewPolicyAction } from '../review/review.policy.ts';
import { canReference, type ReferenceAction } from '../reference/reference.policy.ts';

/**
 * The answer of an object policy: `allowed`; `hidden` when the actor may not even know the object exists (answered
 * 404, indistinguishable from a missing object); `forbidden` when its existence is no secret to the actor (403).
 */
export type AccessAnswer = 'allowed' | 'hidden' | 'forbidden';

/** A stored file as the policy sees it: the unit whose form it belongs to (null: the center's own, e.g. an objection attachment). */
export interface FileAccessTarget {
  ownerUnitId: string | null;
}

/** Something that belongs to one user: an in-app notification, an import preview (its uploader), an expert's account. */
export interface UserOwnedTarget {
  userId: string | null;
}

/** A candidate of the review round as the policy sees it: the experts actively assigned and those of them in 回避. */
export interface CandidateAccessTarget {
  assignedUserIds: readonly string[];
  conflictedUserIds: readonly string[];
}

/** Every object permission the server's gate answers, with the target its policy needs. */
export interface AccessTargets {
  'form.view': FormPolicyTarget;
  'form.save': FormPolicyTarget;
  'form.finalize': FormPolicyTarget;
  'form.unfinalize': FormPolicyTarget;
  'form.submit': FormPolicyTarget;
  'form.withdraw': FormPolicyTarget;
  'form.uploadScan': FormPolicyTarget;
  'form.exportDocument': FormPolicyTarget;
  'form.viewHistory': FormPolicyTarget;
  'form.check': FormPolicyTarget;
  'form.return': FormPolicyTarget;
  'form.accept': FormPolicyTarget;
  'form.importOnBehalf': FormPolicyTarget;
  'file.read': FileAccessTarget;
  'notification.read': UserOwnedTarget;
  'formImport.use': UserOwnedTarget;
  'candidate.view': CandidateAccessTarget;
  'scoreSheet.export': UserOwnedTarget;
  'campaign.view': CampaignPolicyTarget;
  'campaign.update': CampaignPolicyTarget;
  'notice.manage': object;
  'objection.handle': object;
  'objection.viewPersonal': object;
  'assignment.manage': object;
  'review.reopen': object;
  'reference.versions.read': object;
  'reference.import': object;
  'reference.activate': object;
  'reference.lists.edit': object;
}
/** An object permission. */
export type AccessPermission = keyof AccessTargets;

const PERMISSIONS: Record<AccessPermission, true> = {
  'form.view': true,
  'form.save': true,
  'form.finalize': true,
  'form.unfinalize': true,
  'form.submit': true,
  'form.withdraw': true,
  'form.uploadScan': true,
  'form.exportDocument': true,
  'form.viewHistory': true,
  'form.check': true,
  'form.return': true,
  'form.accept': true,
  'form.importOnBehalf': true,
  'file.read': true,
  'notification.read': true,
  'formImport.use': true,
  'candidate.view': true,
  'scoreSheet.export': true,
  'campaign.view': true,
  'campaign.update': true,
  'notice.manage': true,
  'objection.handle': true,
  'objection.viewPersonal': true,
  'assignment.manage': true,
  'review.reopen': true,
  'reference.versions.read': true,
  'reference.import': true,
  'reference.activate': true,
  'reference.lists.edit': true,
};
/** Every object permission, for tables and tests. */
export const ACCESS_PERMISSIONS = Object.keys(PERMISSIONS) as AccessPermission[];

const answer = (mayKnow: boolean, mayAct: boolean): AccessAnswer => (!mayKnow ? 'hidden' : mayAct ? 'allowed' : 'forbidden');
const isCenter = (actor: Actor) => actor.kind === 'user' && actor.role === 'center';
const ownedBy = (actor: Actor, userId: string | null) => actor.kind === 'user' && userId !== null && userId === actor.userId;
/** Center-only objects whose existence is public to every logged-in user (a campaign, a notice, an objection's number…). */
const centerOnly = (allowed: boolean): AccessAnswer => (allowed ? 'allowed' : 'forbidden');

function formAccess(actor: Actor, action: FormPolicyAction, form: FormPolicyTarget): AccessAnswer {
  return answer(canForm(actor, 'view', form), canForm(actor, action, form));
}

function candidateAccess(actor: Actor, target: CandidateAccessTarget): AccessAnswer {
  if (isCenter(actor)) return 'allowed';
  if (actor.kind !== 'user' || !target.assignedUserIds.includes(actor.userId)) return 'hidden';
  const conflicted = target.conflictedUserIds.includes(actor.userId);
  return canReview(actor, 'viewCandidate', { assignedUserIds: target.assignedUserIds, conflicted, roundClosed: false }) ? 'allowed' : 'forbidden';
}

/**
 * May this actor touch this object: the one object policy behind the server's gate, deny by default. A unit touches
 * its own unit's forms and files only (another unit's are hidden); the center every form and file; an expert only the
 * candidates assigned to them (others hidden; 回避 forbidden) and their own score sheet (another's forbidden); a user only their own
 * notifications and import previews; center-only objects (campaigns, notices, objections, assignments, reviews,
 * reference versions and lists) are forbidden to everyone else.
 */
export function accessOf<P extends AccessPermission>(actor: Actor, permission: P, target: AccessTargets[P]): AccessAnswer {
  if (actor.kind !== 'user') return 'hidden';
  const [aggregate, action] = permission.split('.') as [string, string];
  switch (aggregate) {
    case 'form':
      return formAccess(actor, action as FormPolicyAction, target as FormPolicyTarget);
    case 'file': {
      const { ownerUnitId } = target as FileAccessTarget;
      return isCenter(actor) || (actor.role === 'unit' && actor.unitId !== null && ownerUnitId === actor.unitId) ? 'allowed' : 'hidden';
    }
    case 'notification':
    case 'formImport':
      return ownedBy(actor, (target as UserOwnedTarget).userId) ? 'allowed' : 'hidden';
    case 'scoreSheet':
      // The experts of the panel are no secret (their names head the sheets), so another's sheet is forbidden.
      return isCenter(actor) || (actor.role === 'expert' && ownedBy(actor, (target as UserOwnedTarget).userId)) ? 'allowed' : 'forbidden';
    case 'candidate':
      return candidateAccess(actor, target as CandidateAccessTarget);
    case 'campaign':
      return centerOnly(canCampaign(actor, action as CampaignPolicyAction, target as CampaignPolicyTarget));
    case 'notice':
    case 'objection':
      return centerOnly(canNotice(actor, permission as NoticeAction));
    case 'assignment':
      return centerOnly(canReview(actor, 'assign'));
    case 'review':
      return centerOnly(canReview(actor, 'reopenReview' satisfies ReviewPolicyAction, { assignedUserIds: [], roundClosed: false, reviewStatus: 'submitted' }));
    case 'reference':
      return centerOnly(canReference(actor, permission as ReferenceAction));
    default:
      return 'hidden';
  }
}
