import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/domain/InputError.ts';
import { PolicyVersion, ProviderPolicy } from '../src/domain/policy.ts';
import { cloudflare } from '../src/policy/cloudflare.ts';
import { decisionsFor, delaysFor, retentionDays } from '../src/policy/decisionsFor.ts';
import { letsencrypt } from '../src/policy/letsencrypt.ts';
import { loadPolicy, POLICIES } from '../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../src/policy/policyVersionAt.ts';
import { DAY_MS } from '../src/domain/duration.ts';
import { weakestTag } from '../src/domain/source.ts';
import { findKind } from '../machines/catalogue.ts';
import { machineTimers } from '../src/time/machineTimers.ts';
import { withPolicy } from '../src/policy/withPolicy.ts';
import { availableRecords } from '../machines/lifecycle/policySlots.ts';

/** Paths of every leaf value of a policy version, except its sources. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value) && value.some((v) => typeof v === 'object')) {
    return value.map((_, i) => `${prefix}.${i}`);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** What `loadPolicy` throws for the file; undefined when it loads. */
function loadError(file: string): unknown {
  try {
    loadPolicy(file);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('policy timers’ citations', () => {
  it('a policy timer carries the citation of the profile given, tagged with the weakest tag in it', () => {
    const subpoena = findKind('subpoena');
    if (!subpoena) throw new Error('no subpoena kind');
    for (const version of Object.values(POLICIES).flatMap((p) => p.versions)) {
      const timers = machineTimers(withPolicy(subpoena.machine, version), version.sources);
      const window = timers.find((t) => t.name === 'objectionWindow');
      expect(window?.source).toBe(version.sources['notice.objectionWindow']);
      expect(window?.confidence).toBe(weakestTag(version.sources['notice.objectionWindow'] ?? ''));
    }
    expect(weakestTag('DOMAIN §1 row 7 [S] DOJ policy; parameter [?]')).toBe('?');
    expect(weakestTag('DOMAIN §6 [S] text [L] more')).toBe('L');
    expect(weakestTag('DOMAIN §1 row 12 [L/?] petition')).toBe('?');
    expect(weakestTag('DOMAIN §4 [S cloudflare.com] notice first')).toBe('S');
    expect(weakestTag('a citation with no tag')).toBe('?');
  });
});

describe('shipped policy profiles', () => {
  it.each(Object.values(POLICIES))('$id is a valid ProviderPolicy', (policy) => {
    expect(ProviderPolicy.safeParse(policy).success).toBe(true);
  });

  it.each(Object.values(POLICIES).flatMap((p) => p.versions.map((v) => [p.id, v.title, v] as const)))(
    '%s "%s" cites a source for every value',
    (_id, _title, version) => {
      const { sources, title: _t, effectiveFrom: _e, ...values } = version;
      const missing = leafPaths(values).filter((path) => !sources[path]);
      expect(missing).toEqual([]);
      for (const text of Object.values(sources)) expect(text).toMatch(/DOMAIN §(\d+|intro)/);
    },
  );
});

describe('policy versions', () => {
  it('judges a case under the version in force when it was received', () => {
    expect(policyVersionAt(letsencrypt, '2024-09-01').retention[0]?.deletedAfter).toBe('P10Y');
    expect(policyVersionAt(letsencrypt, '2025-01-14').retention[0]?.deletedAfter).toBe('P10Y');
    expect(policyVersionAt(letsencrypt, '2025-01-15').retention[0]?.deletedAfter).toBeNull();
    expect(policyVersionAt(letsencrypt, '2025-03-01').retention).toHaveLength(2);
    expect(policyVersionAt(letsencrypt, '2025-08-06').retention).toHaveLength(1);
  });

  it('turns retention into "past retention" answers per category', () => {
    const old = decisionsFor(policyVersionAt(letsencrypt, '2024-06-01'));
    const now = decisionsFor(policyVersionAt(letsencrypt, '2026-06-01'));
    expect(retentionDays(policyVersionAt(letsencrypt, '2024-06-01'), 'basicSubscriberInfo')).toBe(3650);
    expect(old.retained('basicSubscriberInfo', 3650)).toBe(true);
    expect(old.retained('basicSubscriberInfo', 3651)).toBe(false);
    expect(now.retained('basicSubscriberInfo', 5000)).toBe(true);
    const cf = decisionsFor(cloudflare.versions[0] as PolicyVersion);
    expect(cf.retained('nonContentRecords', 7)).toBe(true);
    expect(cf.retained('nonContentRecords', 8)).toBe(false);
    expect(cf.retained('content', 10_000)).toBe(true);
  });

  it('keeps a part of a category as long as its whole, unless a record set names the part (Let’s Encrypt)', () => {
    const old = policyVersionAt(letsencrypt, '2024-06-01');
    expect(retentionDays(old, 'subscriberIdentity')).toBe(3650);
    expect(retentionDays(old, 'tollBillingRecords')).toBe(3650);
    expect(decisionsFor(old).retained('subscriberIdentity', 3651)).toBe(false);
    expect(decisionsFor(policyVersionAt(letsencrypt, '2026-06-01')).retained('tollBillingRecords', 5000)).toBe(true);

    const namesPart: PolicyVersion = { ...old, retention: [...old.retention, { records: 'account names', categories: ['subscriberIdentity'], deletedAfter: 'P20Y' }] };
    expect(retentionDays(namesPart, 'subscriberIdentity')).toBe(7300);
    expect(retentionDays(namesPart, 'tollBillingRecords')).toBe(3650);
    expect(retentionDays(namesPart, 'basicSubscriberInfo')).toBe(3650);
    // A request for all of BSI past its retention still finds the part kept longer.
    expect(availableRecords(decisionsFor(namesPart), { categories: ['basicSubscriberInfo', 'content'], dataAgeDays: 4000 })).toEqual(['subscriberIdentity', 'content']);
  });

  it('answers the challenge questions from the profile', () => {
    const cf = decisionsFor(cloudflare.versions[0] as PolicyVersion);
    const le = decisionsFor(letsencrypt.versions[0] as PolicyVersion);
    expect(cf.challengesFinding('overbroad')).toBe(true);
    expect(le.challengesFinding('overbroad')).toBe(false);
    expect(cf.challengesSecrecy(null)).toBe(true);
    expect(cf.challengesSecrecy(365)).toBe(false);
    expect(cf.challengesSecrecy(366)).toBe(true);
    expect(le.challengesSecrecy(null)).toBe(false);
    expect(le.allowsNoticeException('futility')).toBe(true);
    expect(cf.allowsNoticeException('futility')).toBe(false);
    expect(delaysFor(cloudflare.versions[0] as PolicyVersion).objectionWindow).toBe(14 * DAY_MS);
  });

  it('refuses a date before the first dated version, naming the fix', () => {
    const dated: typeof cloudflare = { ...cloudflare, versions: [{ ...(cloudflare.versions[0] as PolicyVersion), effectiveFrom: '2020-01-01' }] };
    expect(() => policyVersionAt(dated, '2019-12-31')).toThrow(/on or after 2020-01-01/);
  });

  it('rejects versions out of order and a second version without a date', () => {
    const v = cloudflare.versions[0] as PolicyVersion;
    const unordered = ProviderPolicy.safeParse({ ...cloudflare, versions: [{ ...v, effectiveFrom: '2025-01-01' }, { ...v, effectiveFrom: '2024-01-01' }] });
    expect(unordered.success).toBe(false);
    expect(unordered.error?.issues[0]?.path).toEqual(['versions', 1, 'effectiveFrom']);
    const undated = ProviderPolicy.safeParse({ ...cloudflare, versions: [v, v] });
    expect(undated.error?.issues[0]?.message).toMatch(/only the first version may omit effectiveFrom/);
  });
});

describe('loadPolicy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dueprocess-policy-'));

  it('loads a built-in profile by name and a valid file by path', () => {
    expect(loadPolicy('cloudflare').id).toBe('cloudflare');
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ ...cloudflare, id: 'mine' }));
    expect(loadPolicy(file).id).toBe('mine');
  });

  it('names the field, the value and the fix for a bad file', () => {
    const file = join(dir, 'bad.json');
    const v = cloudflare.versions[0] as PolicyVersion;
    writeFileSync(file, JSON.stringify({ ...cloudflare, versions: [{ ...v, notice: { ...v.notice, objectionWindow: '14 days' } }] }));
    const error = loadError(file);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('policy.versions[0].notice.objectionWindow');
    expect((error as InputError).value).toBe('14 days');
    expect((error as InputError).problem).toBe('is not an ISO-8601 duration of whole days');
    expect((error as InputError).fix).toBe('write it like P10D (days), P2M (months) or P1Y (years)');
  });

  it('names notice.afterEmergency when it is not true or false', () => {
    const file = join(dir, 'bad-emergency.json');
    const v = cloudflare.versions[0] as PolicyVersion;
    writeFileSync(file, JSON.stringify({ ...cloudflare, id: 'acme', versions: [{ ...v, notice: { ...v.notice, afterEmergency: 'no' } }] }));
    const error = loadError(file);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('policy.versions[0].notice.afterEmergency');
    expect((error as InputError).value).toBe('no');
  });

  it('refuses a citation keyed by no value of its version, naming the key as one key', () => {
    const v = cloudflare.versions[0] as PolicyVersion;
    const { 'notice.objectionWindow': cited, ...others } = v.sources;
    const misspelt = { ...cloudflare, id: 'acme', versions: [{ ...v, sources: { ...others, 'notice.objectionWindw': cited } }] };
    const parsed = ProviderPolicy.safeParse(misspelt);
    expect(parsed.success).toBe(false);
    const file = join(dir, 'misspelt-source.json');
    writeFileSync(file, JSON.stringify(misspelt));
    const error = loadError(file) as InputError | undefined;
    expect(error).toBeInstanceOf(InputError);
    expect(error?.field).toBe('policy.versions[0].sources["notice.objectionWindw"]');
    expect(error?.problem).toBe('names no value of this version, so its citation would be lost');
    expect(error?.fix).toBe('key each citation by the path of the value it cites, like notice.objectionWindow or retention.0: did you mean "notice.objectionWindow"?');
    // Every citation of the shipped profiles names a value.
    for (const policy of Object.values(POLICIES)) expect(ProviderPolicy.safeParse(policy).success).toBe(true);
  });

  it('rejects an unknown name, a missing file and malformed JSON', () => {
    expect(() => loadPolicy('google')).toThrow(/use one of cloudflare, letsencrypt/);
    expect(() => loadPolicy(join(dir, 'none.json'))).toThrow(/cannot be read \(ENOENT\)/);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "id": ');
    expect(() => loadPolicy(file)).toThrow(/is not valid JSON/);
  });
});
