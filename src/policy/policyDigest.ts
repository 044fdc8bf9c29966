import { createHash } from 'node:crypto';
import type { PolicyVersion } from '../domain/policy.ts';
import { stableJson } from '../explore/snapshotKey.ts';

/**
 * A short fingerprint of a policy version's content (every value and source, keys in a fixed
 * order): two versions with the same title but different windows have different digests, so a
 * scenario file can say exactly which policy it was written under.
 *
 * @example
 * policyDigest(policyVersionAt(cloudflare, '2026-01-15')); // 'sha256:3f0c…' (16 hex digits)
 */
export function policyDigest(version: PolicyVersion): string {
  return `sha256:${createHash('sha256').update(stableJson(version)).digest('hex').slice(0, 16)}`;
}
