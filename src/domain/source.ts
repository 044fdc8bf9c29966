import { z } from 'zod';

/**
 * Where a legal fact comes from: the row of `shared/DOMAIN.md` it rests on, the statute or policy
 * it cites, and DOMAIN.md's confidence tag ([S] checked, [L] from memory, [?] uncertain). DOMAIN.md
 * gives its own modelling inferences (§10's notes, §4's modelling rules) no tag; no source states
 * them, so they take [?], unverified, and their `cite` says they are derived.
 */
export const Source = z
  .object({
    domain: z.string().regex(/^§(\d+|intro)\b/, { message: 'name the DOMAIN.md section, like "§1 row 11", "§2 NSL_GOV_APPLICATION" or "§intro source 1"' }),
    cite: z.string().min(1),
    confidence: z.enum(['S', 'L', '?']),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** Shorthand for a source row: `src('§1 row 11', '18 U.S.C. 2709', 'S')`. */
export function src(domain: string, cite: string, confidence: Source['confidence']): Source {
  return { domain, cite, confidence };
}

const STRENGTH: Record<Source['confidence'], number> = { '?': 0, L: 1, S: 2 };

/**
 * The weakest confidence tag a citation written as text carries (`[S]`, `[L]`, `[?]`, `[L/?]`);
 * text with no tag is unverified, `?`.
 *
 * @example
 * weakestTag('DOMAIN §intro source 1 [S] asked for afterwards; the length [?] is a parameter') // '?'
 */
export function weakestTag(text: string): Source['confidence'] {
  const tags = [...text.matchAll(/\[([SL?](?:\/[SL?])*)[\]\s]/g)].flatMap((m) => (m[1] ?? '').split('/') as Source['confidence'][]);
  return tags.reduce<Source['confidence'] | null>((weakest, t) => (weakest === null || STRENGTH[t] < STRENGTH[weakest] ? t : weakest), null) ?? '?';
}

/** One line per source, as the CLI prints them. */
export function formatSource(s: Source): string {
  return `${s.cite} [${s.confidence}] (DOMAIN.md ${s.domain})`;
}
