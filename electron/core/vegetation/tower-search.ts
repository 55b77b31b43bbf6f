import { parseTowerRange } from '../../contract';

// A word with a tower mark (号, #, N, 杆, 塔) or a dash between numbers; bare digits stay text (phones).
const TOWER_MARK = /[号#＃nN杆塔\-–—―~～至到－]/;

/**
 * The search box's words that name towers ("12号", "#12–#15", "N12-N15") as a span to overlap, and
 * the rest of what was typed for the text search.
 */
export function towerWordsOf(typed: string | undefined): { towers: { from: number; to: number }[]; rest: string } {
  const towers: { from: number; to: number }[] = [];
  const rest: string[] = [];
  for (const word of (typed ?? '').split(/\s+/).filter(Boolean)) {
    const span = TOWER_MARK.test(word) && /\d/.test(word) ? parseTowerRange(word) : null;
    if (span) towers.push(span);
    else rest.push(word);
  }
  return { towers, rest: rest.join(' ') };
}
