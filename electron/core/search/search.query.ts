import { halfWidth } from '../excel/cells';

/**
 * What the user typed as an FTS5 query over the character-spaced index: each word becomes a phrase
 * of its characters ("王建" → "王 建"), words are ANDed. Returns null when nothing searchable is left.
 */
export function ftsQuery(typed: string): string | null {
  const words = searchWords(typed);
  if (words.length === 0) return null;
  return words.map((chars) => `"${chars.join(' ')}"`).join(' AND ');
}

/** The words typed, each as its letters and digits (what both databases' searches match on), at most six. */
export function searchWords(typed: string): string[][] {
  return (
    halfWidth(typed)
      .toLowerCase()
      .split(/\s+/)
      // Only letters and digits are tokens in the index; punctuation is dropped the same way.
      .map((w) => [...w].filter((ch) => /[\p{L}\p{N}]/u.test(ch)))
      .filter((chars) => chars.length > 0)
      .slice(0, 6)
  );
}
