import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/InputError.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { ACME } from './support/contractFixtures.ts';

const construct = (options: Record<string, unknown>) => {
  try {
    createCaseEngine({ store: sqliteStore(':memory:'), ...options });
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('createCaseEngine checks its policies when it is made', () => {
  it.each([
    ['an unknown default policy', { policy: 'nope' }, { reason: 'unknownPolicy', field: 'policy', value: 'nope' }, 'cloudflare, letsencrypt'],
    ['a default policy not registered', { policy: 'acme', policies: {} }, { reason: 'unknownPolicy', field: 'policy', value: 'acme' }, 'cloudflare, letsencrypt'],
    ['a policy with a bad field', { policies: { acme: { ...ACME, versions: [{ ...ACME.versions[0], notice: { ...ACME.versions[0]?.notice, objectionWindow: 'two weeks' } }] } } }, { reason: 'invalid', field: 'policies.acme.versions[0].notice.objectionWindow', value: 'two weeks' }, ''],
    ['a policy under a built-in id', { policies: { cloudflare } }, { reason: 'invalid', field: 'policies.cloudflare' }, 'an id of its own'],
    ['a policy under another id than its own', { policies: { acme: { ...ACME, id: 'acme-2' } } }, { reason: 'invalid', field: 'policies.acme.id', value: 'acme-2' }, 'its own id'],
  ])('%s is an InputError naming the field', (_what, options, expected, fix) => {
    const error = construct(options);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject(expected);
    expect((error as InputError).fix).toContain(fix);
  });

  it('registers a valid policy of the provider’s own next to the built-in ones', () => {
    const engine = createCaseEngine({ store: sqliteStore(':memory:'), policies: { acme: ACME }, policy: 'acme' });
    expect(Object.keys(engine.policies)).toEqual(['cloudflare', 'letsencrypt', 'acme']);
    expect(engine.policies['acme']?.versions[0]?.notice.delayedNoticeWithin).toBe('P21D');
  });
});
