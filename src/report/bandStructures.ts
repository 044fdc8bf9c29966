import type { NationalSecurityBands } from '../domain/policy.ts';
import { type Source, src } from '../domain/source.ts';

/** Which national-security process a line counts, and what it counts of it. */
export interface LineSpec {
  /** Stable id, used in JSON and CSV: `nsl.letters`, `fisa.content.selectors`, `nationalSecurity.process`, … */
  id: string;
  title: string;
  processes: readonly ('nsl' | 'fisaContent' | 'fisaNonContent')[];
  /** `process`: how many letters, orders or directives; `selectors`: how many distinct accounts they target. */
  measure: 'process' | 'selectors';
}

/** One of the four publication structures of 50 U.S.C. 1874(a) (DOMAIN §6). */
export interface BandStructure {
  id: NationalSecurityBands;
  title: string;
  /** Band width: the lowest band is 0 to size-1. */
  size: number;
  /** Yearly (1874(a)(4)) rather than semiannual. */
  annual: boolean;
  lines: readonly LineSpec[];
  sources: readonly Source[];
}

const separate: readonly LineSpec[] = [
  { id: 'nsl.letters', title: 'National Security Letters received', processes: ['nsl'], measure: 'process' },
  { id: 'nsl.selectors', title: 'Customer selectors targeted by NSLs', processes: ['nsl'], measure: 'selectors' },
  { id: 'fisa.content.orders', title: 'FISA content orders or directives', processes: ['fisaContent'], measure: 'process' },
  { id: 'fisa.content.selectors', title: 'Customer selectors targeted by FISA content orders', processes: ['fisaContent'], measure: 'selectors' },
  { id: 'fisa.nonContent.orders', title: 'FISA non-content orders', processes: ['fisaNonContent'], measure: 'process' },
  { id: 'fisa.nonContent.selectors', title: 'Customer selectors targeted by FISA non-content orders', processes: ['fisaNonContent'], measure: 'selectors' },
];

const all = ['nsl', 'fisaContent', 'fisaNonContent'] as const;
const combined: readonly LineSpec[] = [
  { id: 'nationalSecurity.process', title: 'National-security process received (NSLs and FISA, combined)', processes: all, measure: 'process' },
  { id: 'nationalSecurity.selectors', title: 'Customer selectors targeted by national-security process', processes: all, measure: 'selectors' },
];

/**
 * The four structures. Two simplifications, both noted in the report: 1874(a)(1) breaks FISA
 * non-content selectors down by subchapter, which the case data does not record, so it is one
 * line; and whether 1874(a)(2) keeps FISA content and non-content apart is uncertain in DOMAIN
 * §6 [?], so they are kept apart, as Google's report does [L], which never publishes more than
 * combining them would.
 */
export const BAND_STRUCTURES: Readonly<Record<NationalSecurityBands, BandStructure>> = {
  bands1000: {
    id: 'bands1000',
    title: 'semiannual, bands of 1000 (50 U.S.C. 1874(a)(1))',
    size: 1000,
    annual: false,
    lines: separate,
    sources: [src('§6', '1874(a)(1): semiannual, bands of 1000 from 0-999, six separate lines', 'S')],
  },
  bands500: {
    id: 'bands500',
    title: 'semiannual, bands of 500 (50 U.S.C. 1874(a)(2))',
    size: 500,
    annual: false,
    lines: separate,
    sources: [src('§6', '1874(a)(2): semiannual, bands of 500 from 0-499, NSLs and their selectors', 'S'), src('§6', '1874(a)(2): FISA orders or directives with their selectors, content and non-content kept apart in bands of 500, as in Google’s report', '?')],
  },
  bands250: {
    id: 'bands250',
    title: 'semiannual, all national-security process combined, bands of 250 (50 U.S.C. 1874(a)(3))',
    size: 250,
    annual: false,
    lines: combined,
    sources: [src('§6', '1874(a)(3): semiannual, bands of 250 from 0-249, all national-security process combined, and total selectors', 'L')],
  },
  annualBands100: {
    id: 'annualBands100',
    title: 'annual, all national-security process combined, bands of 100 (50 U.S.C. 1874(a)(4))',
    size: 100,
    annual: true,
    lines: combined,
    sources: [src('§6', '1874(a)(4): annual, bands of 100 from 0-99, all national-security process combined, and selectors', 'L')],
  },
};
