import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.js';
import { decideCandidateAccess, mayEditCandidate, type CandidateFacts } from './policy.js';
import {
  defaultVisibility,
  fieldGroupNames,
  groupsVisibleToEmployer,
  restrictedGroups,
  visibilityLevels,
  type Visibility,
} from './rules.js';

const candidate: CandidateFacts = {
  instantieId: 'rotterdam',
  userId: 'u-kandidaat',
  visibility: defaultVisibility,
  anonymous: true,
  consentGiven: true,
};
const actor = (memberships: Actor['memberships'], userId = 'u-x'): Actor => ({ userId, name: 'X', email: 'x@x.nl', memberships });
const bau = () => 'business_as_usual' as const;

describe('decideCandidateAccess', () => {
  it('refuses visitors and people without a role', () => {
    expect(decideCandidateAccess(null, candidate, bau)).toEqual({ allowed: false });
    expect(decideCandidateAccess(actor([]), candidate, bau)).toEqual({ allowed: false });
  });

  it('shows the candidate everything of their own profile', () => {
    const access = decideCandidateAccess(actor([], 'u-kandidaat'), candidate, bau);
    expect(access).toEqual({ allowed: true, role: 'kandidaat', groups: fieldGroupNames, fullPostcode: true });
  });

  it('shows staff of the same instantie everything and staff elsewhere nothing', () => {
    for (const role of ['consulent', 'beheerder', 'auditor'] as const) {
      expect(decideCandidateAccess(actor([{ role, instantieId: 'rotterdam', employerId: null }]), candidate, bau)).toMatchObject({
        allowed: true,
        role,
        groups: fieldGroupNames,
      });
      expect(decideCandidateAccess(actor([{ role, instantieId: 'schiedam', employerId: null }]), candidate, bau)).toEqual({
        allowed: false,
      });
    }
  });

  it('gives an employer the view of its best category at the candidate instantie', () => {
    const employer = actor([
      { role: 'werkgever', instantieId: null, employerId: 'e-bau' },
      { role: 'werkgever', instantieId: null, employerId: 'e-pref' },
    ]);
    const access = decideCandidateAccess(employer, candidate, (id) => (id === 'e-pref' ? 'preferred' : 'business_as_usual'));
    expect(access).toMatchObject({ allowed: true, role: 'werkgever', fullPostcode: false });
    expect(access.allowed && access.groups).toContain('ondersteuning');
  });

  it('refuses an employer when the candidate gave no consent', () => {
    const employer = actor([{ role: 'werkgever', instantieId: null, employerId: 'e' }]);
    expect(decideCandidateAccess(employer, { ...candidate, consentGiven: false }, () => 'preferred')).toEqual({ allowed: false });
  });
});

describe('an employer in contact with the candidate (decision 020)', () => {
  const categories = ['preferred', 'committed', 'business_as_usual'] as const;
  const visibility = fc.record(
    Object.fromEntries(fieldGroupNames.map((g) => [g, fc.constantFrom(...visibilityLevels)])) as {
      [G in keyof Visibility]: fc.Arbitrary<Visibility[G]>;
    },
  );
  const facts = fc.record({ visibility, anonymous: fc.boolean(), consentGiven: fc.boolean() });
  const employer = actor([{ role: 'werkgever', instantieId: null, employerId: 'e-1' }]);
  const groupsOf = (access: ReturnType<typeof decideCandidateAccess>) => (access.allowed ? access.groups : []);

  it('sees the identity plus what the candidate opens to its category, even without consent or when anonymous', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...categories), (f, category) => {
        const access = decideCandidateAccess(employer, { ...candidate, ...f, contactEmployerIds: ['e-1'] }, () => category);
        const opened = groupsVisibleToEmployer({ category, visibility: f.visibility, anonymous: false, consentGiven: true });
        expect(access).toMatchObject({ allowed: true, role: 'werkgever', fullPostcode: false });
        expect([...groupsOf(access)].sort()).toEqual([...new Set(['identiteit', ...opened])].sort());
        if (category === 'business_as_usual') for (const group of restrictedGroups) expect(groupsOf(access)).not.toContain(group);
      }),
    );
  });

  it('changes nothing for an employer that is not in contact', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...categories), (f, category) => {
        const plain = decideCandidateAccess(employer, { ...candidate, ...f }, () => category);
        const otherContact = decideCandidateAccess(employer, { ...candidate, ...f, contactEmployerIds: ['e-2'] }, () => category);
        expect(otherContact).toEqual(plain);
        expect(groupsOf(plain)).toEqual(groupsVisibleToEmployer({ category, ...f }));
      }),
    );
  });

  it('gives staff and strangers nothing more', () => {
    const stranger = actor([{ role: 'consulent', instantieId: 'schiedam', employerId: null }]);
    expect(decideCandidateAccess(stranger, { ...candidate, contactEmployerIds: ['e-1'] }, () => 'preferred')).toEqual({ allowed: false });
  });
});

describe('mayEditCandidate', () => {
  it('lets the candidate and staff of the instantie edit, and nobody else', () => {
    expect(mayEditCandidate(actor([], 'u-kandidaat'), candidate)).toBe('kandidaat');
    expect(mayEditCandidate(actor([{ role: 'consulent', instantieId: 'rotterdam', employerId: null }]), candidate)).toBe('consulent');
    expect(mayEditCandidate(actor([{ role: 'consulent', instantieId: 'schiedam', employerId: null }]), candidate)).toBeNull();
    expect(mayEditCandidate(actor([{ role: 'auditor', instantieId: 'rotterdam', employerId: null }]), candidate)).toBeNull();
    expect(mayEditCandidate(actor([{ role: 'werkgever', instantieId: null, employerId: 'e' }]), candidate)).toBeNull();
    expect(mayEditCandidate(null, candidate)).toBeNull();
  });
});
