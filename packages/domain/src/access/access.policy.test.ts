import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../shared/actor.ts';
import { ACCESS_PERMISSIONS, accessOf, type AccessAnswer, type AccessPermission, type AccessTargets } from './access.policy.ts';

const UNIT_A = 'unit-a';
const actor = (role: Role, id = 'a'): Actor => ({ kind: 'user', userId: `${role}-${id}`, username: role, role, unitId: role === 'unit' ? `unit-${id}` : null });
/** The object of each permission, owned by unit A / user "expert-a" (notification and preview: "unit-a" user). */
const target = (p: AccessPermission): AccessTargets[AccessPermission] => {
  if (p.startsWith('form.')) return { unitId: UNIT_A, status: 'submitted' };
  switch (p) {
    case 'file.read':
      return { ownerUnitId: UNIT_A };
    case 'notification.read':
    case 'formImport.use':
      return { userId: 'unit-a' };
    case 'scoreSheet.export':
      return { userId: 'expert-a' };
    case 'candidate.view':
      return { assignedUserIds: ['expert-a'], conflictedUserIds: [] };
    case 'campaign.view':
    case 'campaign.update':
      return { status: 'open' };
    default:
      return {};
  }
};

const UNIT_FORM = [
  'form.view',
  'form.save',
  'form.finalize',
  'form.unfinalize',
  'form.submit',
  'form.withdraw',
  'form.uploadScan',
  'form.exportDocument',
  'form.viewHistory',
];
const CENTER_FORM = ['form.view', 'form.exportDocument', 'form.viewHistory', 'form.check', 'form.return', 'form.accept', 'form.importOnBehalf'];
const CENTER_ONLY = [
  'scoreSheet.export',
  'campaign.view',
  'campaign.update',
  'notice.manage',
  'objection.handle',
  'objection.viewPersonal',
  'assignment.manage',
  'review.reopen',
  'reference.import',
  'reference.activate',
  'reference.lists.edit',
];

/** What each actor gets on unit A's / expert A's objects. */
function expected(who: string, p: AccessPermission): AccessAnswer {
  const form = p.startsWith('form.');
  switch (who) {
    case 'center':
      if (form) return CENTER_FORM.includes(p) ? 'allowed' : 'forbidden';
      return p === 'notification.read' || p === 'formImport.use' ? 'hidden' : 'allowed';
    case 'unit-a':
      if (form) return UNIT_FORM.includes(p) ? 'allowed' : 'forbidden';
      if (p === 'file.read' || p === 'notification.read' || p === 'formImport.use') return 'allowed';
      return CENTER_ONLY.includes(p) || p === 'reference.versions.read' ? 'forbidden' : 'hidden';
    case 'expert-a':
      if (p === 'candidate.view' || p === 'scoreSheet.export') return 'allowed';
      return CENTER_ONLY.includes(p) || p === 'reference.versions.read' ? 'forbidden' : 'hidden';
    case 'admin':
    case 'auditor':
      if (p === 'reference.versions.read') return who === 'admin' ? 'allowed' : 'forbidden';
      return CENTER_ONLY.includes(p) ? 'forbidden' : 'hidden';
    default: // unit B, expert B: nothing of A's is known to them; center-only objects are public but forbidden
      return CENTER_ONLY.includes(p) || p === 'reference.versions.read' ? 'forbidden' : 'hidden';
  }
}

const ACTORS: Record<string, Actor> = {
  center: actor('center'),
  'unit-a': actor('unit', 'a'),
  'unit-b': actor('unit', 'b'),
  'expert-a': actor('expert', 'a'),
  'expert-b': actor('expert', 'b'),
  admin: actor('admin'),
  auditor: actor('auditor'),
};

describe('object access: every (actor, permission) pair on unit A’s and expert A’s objects', () => {
  const table = Object.keys(ACTORS).flatMap((who) => ACCESS_PERMISSIONS.map((p) => [who, p, expected(who, p)] as const));
  it.each(table)('%s → %s: %s', (who, p, answer) => expect(accessOf(ACTORS[who]!, p, target(p))).toBe(answer));
  it.each(ACCESS_PERMISSIONS)('the public is never told %s exists', (p) => expect(accessOf({ kind: 'public' }, p, target(p))).toBe('hidden'));
  it('covers every role', () => expect(new Set(Object.values(ACTORS).map((a) => (a.kind === 'user' ? a.role : '')))).toEqual(new Set(ROLES)));
});

describe('object access: the edges', () => {
  it('an expert in 回避 on an assigned candidate is forbidden (they know it exists), not hidden', () => {
    expect(accessOf(actor('expert'), 'candidate.view', { assignedUserIds: ['expert-a'], conflictedUserIds: ['expert-a'] })).toBe('forbidden');
  });
  it('a unit user without a unit sees no file, not even one without an owner', () => {
    expect(accessOf({ kind: 'user', userId: 'u', username: 'u', role: 'unit', unitId: null }, 'file.read', { ownerUnitId: null })).toBe('hidden');
  });
  it('the center acting on behalf of unit A does the unit’s actions on A’s form only', () => {
    const onBehalf: Actor = { kind: 'user', userId: 'center-a', username: 'center', role: 'center', unitId: null, onBehalfOfUnitId: UNIT_A };
    expect(accessOf(onBehalf, 'form.save', { unitId: UNIT_A, status: 'draft' })).toBe('allowed');
    expect(accessOf(onBehalf, 'form.save', { unitId: 'unit-b', status: 'draft' })).toBe('forbidden');
  });
  it('nobody owns a notification without an owner', () => {
    expect(accessOf(actor('unit'), 'notification.read', { userId: null })).toBe('hidden');
  });
  it('a draft campaign is still the center’s to update; an archived one is not', () => {
    expect(accessOf(actor('center'), 'campaign.update', { status: 'archived' })).toBe('forbidden');
    expect(accessOf(actor('center'), 'campaign.update', { status: 'draft' })).toBe('allowed');
  });
});
