import type { DataCategory } from '../../src/domain/categories.ts';

/** Rights a GDPR data-subject request can invoke (DOMAIN §1 row 20: Let's Encrypt's four, and restriction and portability). */
export const RIGHTS = ['access', 'rectification', 'erasure', 'objection', 'restriction', 'portability'] as const;
export type Right = (typeof RIGHTS)[number];

/**
 * The law of the four kinds that are not legal demands: emergency requests, preservation, abuse
 * complaints and data-subject requests. The comment on each entry names its DOMAIN.md rows.
 */
export const BESPOKE_LAW = {
  emergency: {
    // DOMAIN §1 row 8, §5: voluntary disclosure of stored content or records relating to the emergency (parts included).
    stored: ['basicSubscriberInfo', 'nonContentRecords', 'content'] as readonly DataCategory[],
    // DOMAIN §1 rows 8 and 19: content only to a US government (2702(b)(8), 2711(4)); non-content records to anyone else (2702(c)(6)).
    toForeignAuthority: ['basicSubscriberInfo', 'nonContentRecords'] as readonly DataCategory[],
    // 2711(4) with 2510(3): the US, its States and its territories and possessions.
    usGovernments: ['US', 'PR', 'GU', 'VI', 'AS', 'MP'] as readonly string[],
    // DOMAIN §5: only danger of death or serious physical injury opens 2702(b)(8), (c)(4), whatever a policy's criteria add.
    criterion: 'deathOrSeriousInjury',
  },
  preservation: {
    // DOMAIN §2 SCA_PRESERVE_INITIAL: records kept 90 days from receipt.
    period: 'P90D',
    // DOMAIN §2 SCA_PRESERVE_EXTENSION, §11 q8: one further 90-day period, asked before expiry.
    extension: 'P90D',
  },
  dataSubjectRequest: {
    // DOMAIN §2 GDPR_RESPONSE: answer within one month of receipt, a calendar month (§2 cautions).
    answerWithin: 'P1M',
    // DOMAIN §2 GDPR_EXTENSION: two months more, announced with reasons inside the first month.
    extendedTo: 'P3M',
    /** Refusal grounds and the rights each can answer. */
    grounds: {
      // DOMAIN §7: GDPR Art. 17(3)(a)-(e), erasure; (b) is Union or Member-State law only, no US gag or 2703(f) request.
      freedomOfExpression: ['erasure'],
      legalObligation: ['erasure'],
      publicHealth: ['erasure'],
      archivingResearchStatistics: ['erasure'],
      // Art. 17(3)(e) for erasure; Art. 21(1) for an objection (never one to direct marketing, Art. 21(2)-(3)):
      // Art. 21(1) is not in DOMAIN.md (§1 row 20 cites Arts 15-22 as a whole), unverified.
      legalClaims: ['erasure', 'objection'],
      // DOMAIN §1 row 20, GDPR Art. 17(1): no erasure ground applies (data still needed, 17(1)(a); overriding grounds, 17(1)(c)).
      noErasureGroundApplies: ['erasure'],
      // GDPR Art. 21(1): compelling legitimate grounds that override the data subject's; not in DOMAIN.md, unverified.
      compellingLegitimateGrounds: ['objection'],
      // GDPR Art. 15(4) and 20(4): a copy, or a portable one, must not adversely affect the rights and freedoms of others; not in DOMAIN.md, unverified.
      rightsOfOthers: ['access', 'portability'],
      // GDPR Art. 18(1): restriction only while accuracy is contested, processing unlawful, data kept for the user's claims, or an objection weighed; unverified.
      noRestrictionGroundApplies: ['restriction'],
      // GDPR Art. 20(1): only data the user provided, on consent or contract, processed by automated means; unverified.
      notPortable: ['portability'],
      // DOMAIN §1 row 20, §7: issuance records published in Certificate Transparency logs.
      publicCertificateTransparencyLog: ['erasure'],
      // GDPR Art. 12(5) and 12(6), any right: not in DOMAIN.md (§1 row 20 cites Art. 12 as a whole), unverified.
      manifestlyUnfoundedOrExcessive: RIGHTS,
      identityNotVerified: RIGHTS,
    } as Readonly<Record<string, readonly Right[]>>,
  },
} as const;
