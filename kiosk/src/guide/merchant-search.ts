/**
 * The directory's search, pure (no DOM), run on every key the shopper taps: a shop found by
 * its name in hanzi, its full pinyin, its initials, any mix of the two (lant sf), its brand in
 * Latin letters, its unit, and with a typo or two (ikae, lantng). Everything a match needs is
 * worked out once, when the index is built, so a keystroke over 2,000 shops stays within a
 * frame.
 */

/** What the index needs of a merchant. `pinyin`: toneless syllables, space-separated. */
export interface Searchable {
  id: number;
  name: string;
  nameLatin: string | null;
  pinyin: string;
  unit: string | null;
}

/** Why a merchant was found: the screen may say so. */
export type MatchKind = 'name' | 'unit' | 'brand' | 'pinyin' | 'initials' | 'typo';

export interface Hit {
  id: number;
  score: number;
  kind: MatchKind;
}

interface Entry {
  id: number;
  name: string;
  syllables: string[];
  full: string;
  initials: string;
  latin: string;
  latinWords: string[];
  unit: string;
}

export interface SearchIndex {
  entries: Entry[];
}

const HANZI = /\p{Script=Han}/u;

/** Lower-case letters and digits only, full-width folded (ＬＵＭＩ → lumi). */
export const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Han}]+/gu, '');

export function buildIndex(items: readonly Searchable[]): SearchIndex {
  return {
    entries: items.map((m) => {
      const syllables = m.pinyin.toLowerCase().split(/\s+/).filter(Boolean);
      const latinWords = (m.nameLatin ?? '')
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      return {
        id: m.id,
        name: m.name.normalize('NFKC'),
        syllables,
        full: syllables.join(''),
        initials: syllables.map((s) => s[0]).join(''),
        latin: latinWords.join(''),
        latinWords,
        unit: squash(m.unit ?? ''),
      };
    }),
  };
}

/**
 * Whether `q` is a run of prefixes of consecutive syllables from `i` on: `lants` (lan t s),
 * `ltsf` (initials), `lantingsf`. The longest prefix is tried first.
 */
function bySyllables(q: string, syllables: readonly string[], i: number): boolean {
  if (q === '') return true;
  const s = syllables[i];
  if (s === undefined) return false;
  for (let k = Math.min(q.length, s.length); k >= 1; k--)
    if (s.charCodeAt(k - 1) === q.charCodeAt(k - 1) && s.startsWith(q.slice(0, k)))
      if (bySyllables(q.slice(k), syllables, i + 1)) return true;
  return false;
}

/** One row of the edit-distance table, reused across calls (no garbage per keystroke). */
let rows: Int32Array[] = [];

/**
 * The fewest edits (insert, delete, substitute, swap two neighbours) that turn `q` into some
 * beginning of `t`: how far a shopper's spelling is from a name being typed. At most `max`;
 * anything more is `max + 1`.
 */
export function prefixDistance(q: string, t: string, max: number): number {
  const m = q.length;
  const n = Math.min(t.length, m + max);
  if (m === 0) return 0;
  if (rows.length < m + 1 || (rows[0]?.length ?? 0) < n + 1)
    rows = Array.from(
      { length: Math.max(m + 1, rows.length) },
      () => new Int32Array(Math.max(n + 1, rows[0]?.length ?? 0, 32)),
    );
  const d = rows;
  for (let j = 0; j <= n; j++) (d[0] as Int32Array)[j] = j;
  for (let i = 1; i <= m; i++) {
    const row = d[i] as Int32Array;
    const up = d[i - 1] as Int32Array;
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = q.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        q.charCodeAt(i - 1) === t.charCodeAt(j - 2) &&
        q.charCodeAt(i - 2) === t.charCodeAt(j - 1)
      )
        v = Math.min(v, ((d[i - 2] as Int32Array)[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  const last = d[m] as Int32Array;
  let out = max + 1;
  for (let j = Math.max(0, m - max); j <= n; j++) out = Math.min(out, last[j] as number);
  return out;
}

/** Typos allowed for a query this long: none below three letters, two from six on. */
const typosFor = (length: number) => (length < 3 ? 0 : length < 6 ? 1 : 2);

function scoreHanzi(e: Entry, q: string): number {
  const at = e.name.indexOf(q);
  if (at === 0) return q.length === e.name.length ? 100 : 95;
  if (at > 0) return 85;
  // The characters in order with others between (兰沙 for 兰亭沙发).
  let from = 0;
  for (const ch of q) {
    const i = e.name.indexOf(ch, from);
    if (i < 0) return 0;
    from = i + ch.length;
  }
  return 50;
}

function scoreLetters(e: Entry, q: string): { score: number; kind: MatchKind } | undefined {
  if (e.unit && e.unit === q) return { score: 96, kind: 'unit' };
  if (e.latin.startsWith(q)) return { score: 92, kind: 'brand' };
  if (e.full.startsWith(q)) return { score: 90, kind: 'pinyin' };
  if (e.initials === q) return { score: 89, kind: 'initials' };
  if (e.latinWords.some((w) => w.startsWith(q))) return { score: 86, kind: 'brand' };
  if (q.length >= 2 && e.initials.startsWith(q)) return { score: 82, kind: 'initials' };
  if (bySyllables(q, e.syllables, 0)) return { score: 80, kind: 'pinyin' };
  if (q.length >= 2 && /\d/.test(q) && e.unit.startsWith(q)) return { score: 75, kind: 'unit' };
  for (let i = 1; i < e.syllables.length; i++)
    if (bySyllables(q, e.syllables, i)) return { score: 65, kind: 'pinyin' };
  if (q.length >= 3 && e.latin.includes(q)) return { score: 62, kind: 'brand' };
  const typos = typosFor(q.length);
  if (!typos) return undefined;
  let d = prefixDistance(q, e.latin, typos);
  for (const w of e.latinWords) if (d > 0) d = Math.min(d, prefixDistance(q, w, typos));
  d = Math.min(d, prefixDistance(q, e.full, typos));
  return d <= typos ? { score: 45 - 10 * d, kind: 'typo' } : undefined;
}

/** The merchants a query finds, best first: at most `limit`. An empty query finds nothing. */
export function search(index: SearchIndex, query: string, limit = 60): Hit[] {
  const q = squash(query);
  if (!q) return [];
  const hits: (Hit & { name: string })[] = [];
  const hanzi = HANZI.test(q);
  for (const e of index.entries) {
    if (hanzi) {
      const score = scoreHanzi(e, q);
      if (score) hits.push({ id: e.id, score, kind: 'name', name: e.name });
      continue;
    }
    const r = scoreLetters(e, q);
    if (r) hits.push({ id: e.id, ...r, name: e.name });
  }
  hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length);
  return hits.slice(0, limit).map(({ id, score, kind }) => ({ id, score, kind }));
}
