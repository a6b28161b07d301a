import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../shared/actor.ts';
import { MeSchema } from './auth.schemas.ts';
import { ME_ABILITIES, meAbilities } from './me-abilities.ts';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', username: 'u', role, unitId: role === 'unit' ? 'x' : null });

describe('Me.abilities', () => {
  it('names every ability once', () => {
    expect(new Set(ME_ABILITIES).size).toBe(ME_ABILITIES.length);
  });

  it.each(ROLES)('%s: every key of ME_ABILITIES and nothing else, as MeSchema requires', (role) => {
    const abilities = meAbilities(actor(role));
    expect(Object.keys(abilities).sort()).toEqual([...ME_ABILITIES].sort());
    const me = { id: 'u', username: 'u', displayName: 'U', role, unitId: null, unitName: null, mustChangePassword: false, csrfToken: 't', abilities };
    expect(MeSchema.parse(me).abilities).toEqual(abilities);
  });

  it('the menu follows the roles: the center manages campaigns, the admin users, the auditor reads the log', () => {
    expect(meAbilities(actor('center'))).toMatchObject({ 'campaign.manage': true, 'check.run': true, 'user.list': false, 'audit.read': false });
    expect(meAbilities(actor('admin'))).toMatchObject({ 'campaign.manage': false, 'user.list': true, 'audit.read': false });
    expect(meAbilities(actor('auditor'))).toMatchObject({
      'audit.read': true,
      'reference.versions.read': false,
      'reference.search': false,
      'reference.import': false,
    });
    expect(meAbilities(actor('unit'))).toMatchObject({ 'reference.search': true, 'campaign.manage': false, 'review.score': false });
  });

  it('a missing key is refused by the schema', () => {
    const rest = Object.fromEntries(Object.entries(meAbilities(actor('auditor'))).filter(([k]) => k !== 'audit.read'));
    expect(MeSchema.shape.abilities.safeParse(rest).success).toBe(false);
  });
});
