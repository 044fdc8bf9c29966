/**
 * The option a misspelt word most likely meant: the nearest by edit distance (insertions,
 * deletions, substitutions and swaps of two neighbours, case ignored), if it is at most two edits
 * away and a third of the word's length; else undefined. Ties go to the earlier option.
 *
 * @example
 * didYouMean('kidn', ['kind', 'inputs', 'alphabet']); // 'kind'
 * didYouMean('colour', ['kind']); // undefined
 */
export function didYouMean(word: string, options: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein with adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const up = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * `fix` with "; did you mean X?" appended when `word` is a misspelling of one of `options` (see
 * `didYouMean`); `fix` as it is otherwise.
 *
 * @example
 * withSuggestion('use one of subpoena, mlat', 'subpena', ['subpoena', 'mlat']); // 'use one of subpoena, mlat; did you mean subpoena?'
 * withSuggestion('use one of subpoena, mlat', 'warrant', ['subpoena', 'mlat']); // 'use one of subpoena, mlat'
 */
export function withSuggestion(fix: string, word: string | undefined, options: readonly string[]): string {
  const meant = word ? didYouMean(word, options) : undefined;
  return meant ? `${fix}; did you mean ${meant}?` : fix;
}
