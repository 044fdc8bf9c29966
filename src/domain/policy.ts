import { z } from 'zod';
import { didYouMean } from './didYouMean.ts';
import { DataCategory } from './categories.ts';
import { IsoDate } from './date.ts';
import { IsoDuration } from './duration.ts';
import { EmergencyCriterion, NoticeException, ReviewFinding } from './events.ts';

/** One set of records the provider keeps, and for how long (DOMAIN §7). */
export const RetentionRule = z
  .object({
    records: z.string().min(1),
    categories: z.array(DataCategory).min(1),
    keptAtLeast: IsoDuration.optional(),
    /** Oldest data that can still exist; `null` when the policy states no maximum. */
    deletedAfter: IsoDuration.nullable(),
  })
  .strict();
export type RetentionRule = z.infer<typeof RetentionRule>;

/**
 * How a provider publishes national-security process under 50 U.S.C. 1874 (DOMAIN §6): the
 * reporting structure it elected, which fixes the band width and which lines are reported.
 * `bands1000`: semiannual, six lines in bands of 1000 (1874(a)(1)); `bands500`: semiannual, NSL
 * and FISA lines in bands of 500 (1874(a)(2)); `bands250`: semiannual, all national-security
 * process combined in bands of 250 (1874(a)(3)); `annualBands100`: yearly, combined, bands of
 * 100 (1874(a)(4)).
 */
export const NationalSecurityBands = z.enum(['bands1000', 'bands500', 'bands250', 'annualBands100']);
export type NationalSecurityBands = z.infer<typeof NationalSecurityBands>;

/** A provider's published policy as it stood from one date on. */
export const PolicyVersion = z
  .object({
    /** Absent on the earliest version: it applies to every case before the next one. */
    effectiveFrom: IsoDate.optional(),
    title: z.string().min(1),
    notice: z
      .object({
        beforeDisclosure: z.boolean(),
        exceptions: z.array(NoticeException),
        objectionWindow: IsoDuration,
        delayedNoticeWithin: IsoDuration,
        /**
         * Whether the provider promises notice once an emergency that let it skip notice has passed
         * (Google does, DOMAIN §4). Absent, it is held to that promise, the model rule of DOMAIN §4.
         */
        afterEmergency: z.boolean().optional(),
      })
      .strict(),
    challenges: z
      .object({
        grounds: z.array(ReviewFinding.exclude(['sufficient'])),
        openEndedSecrecy: z.boolean(),
        secrecyLongerThan: IsoDuration.nullable(),
        within: IsoDuration,
      })
      .strict(),
    retention: z.array(RetentionRule),
    emergency: z
      .object({
        criteria: z.array(EmergencyCriterion).min(1),
        verifyRequester: z.boolean(),
        followUpWithin: IsoDuration,
        /** What the provider's emergency policy lets it disclose; absent, whatever 2702 allows. A policy can narrow the statute, never widen it. */
        discloses: z.array(DataCategory).min(1).optional(),
      })
      .strict(),
    /** Transparency reporting; without it a report uses the widest structure, `bands1000`. */
    transparency: z.object({ nationalSecurityBands: NationalSecurityBands }).strict().optional(),
    /** Citation for each value, keyed by its path (`notice.objectionWindow`, `retention.0`). */
    sources: z.record(z.string(), z.string().min(1)),
  })
  .strict()
  .superRefine((version, ctx) => {
    const { sources, ...values } = version;
    const paths = fieldPaths(values);
    for (const key of Object.keys(sources)) {
      if (paths.includes(key)) continue;
      const meant = didYouMean(key, paths);
      const fix = `key each citation by the path of the value it cites, like notice.objectionWindow or retention.0${meant ? `: did you mean "${meant}"?` : ''}`;
      ctx.addIssue({ code: 'custom', path: ['sources', key], message: 'names no value of this version, so its citation would be lost', params: { fix } });
    }
  });
export type PolicyVersion = z.infer<typeof PolicyVersion>;

/** Every path into a value, objects by key and arrays by index: `notice`, `notice.objectionWindow`, `retention.0`. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(inner, path)];
  });
}

/** A provider policy profile: its dated versions, oldest first. */
export const ProviderPolicy = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, { message: 'use a short lowercase id like "cloudflare"' }),
    name: z.string().min(1),
    versions: z.array(PolicyVersion).min(1),
  })
  .strict()
  .superRefine((policy, ctx) => {
    policy.versions.forEach((v, i) => {
      if (i > 0 && !v.effectiveFrom) {
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'effectiveFrom'], message: 'only the first version may omit effectiveFrom; give the date this version took effect' });
      }
      const prev = policy.versions[i - 1]?.effectiveFrom;
      if (prev && v.effectiveFrom && v.effectiveFrom <= prev) {
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'effectiveFrom'], message: `versions must be oldest first; ${v.effectiveFrom} is not after ${prev}` });
      }
    });
  });
export type ProviderPolicy = z.infer<typeof ProviderPolicy>;
