import { z } from 'zod';

/**
 * Where a legal fact comes from: the row of `shared/DOMAIN.md` it rests on, the statute or policy
 * it cites, and DOMAIN.md's confidence tag ([S] checked, [L] from memory, [?] uncertain).
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

/** One line per source, as the CLI prints them. */
export function formatSource(s: Source): string {
  return `${s.cite} [${s.confidence}] (DOMAIN.md ${s.domain})`;
}
