import { describe, expect, it } from 'vitest';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyDigest } from '../../src/policy/policyDigest.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';

describe('policyDigest', () => {
  const version = policyVersionAt(cloudflare, '2026-01-15');

  it('is the same for the same content, whatever the order of its keys', () => {
    const reordered = Object.fromEntries(Object.entries(version).reverse()) as typeof version;
    expect(policyDigest(reordered)).toBe(policyDigest(version));
    expect(policyDigest(version)).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('differs when one window differs, or between two versions of a policy', () => {
    const longer = { ...version, notice: { ...version.notice, objectionWindow: 'P20D' } };
    expect(policyDigest(longer)).not.toBe(policyDigest(version));
    expect(policyDigest(policyVersionAt(letsencrypt, '2024-01-01'))).not.toBe(policyDigest(policyVersionAt(letsencrypt, '2026-01-15')));
  });
});
