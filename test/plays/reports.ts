/** Play reports as a player sends them, for the as-played log tests. */

let seq = 0;

export interface Report {
  reportId: string;
  planDate: string;
  itemId: string;
  slot: string;
  kind: string;
  promoId?: string;
  merchant?: string;
  mediaId?: string;
  title: string;
  status: string;
  plannedAt: string;
  actualAt: string;
  reason?: string;
}

/** A completed promo play on 2 March 2026 at 10:00 Shanghai time, unless told otherwise. */
export function report(overrides: Partial<Report> = {}): Report {
  seq += 1;
  return {
    reportId: `r-${seq}`,
    planDate: '2026-03-02',
    itemId: `promos-morning#${seq}`,
    slot: 'promos-morning',
    kind: 'promo',
    promoId: 'tea-spring',
    merchant: '茶语',
    mediaId: 'promo-tea',
    title: '茶语 春季新品',
    status: 'ended',
    plannedAt: '2026-03-02T10:00:00+08:00',
    actualAt: '2026-03-02T10:00:30.250+08:00',
    ...overrides,
  };
}

/** A report at `hh:mm` local time on `date` (Shanghai, +08:00). */
export function at(date: string, hhmm: string, overrides: Partial<Report> = {}): Report {
  return report({
    planDate: date,
    plannedAt: `${date}T${hhmm}:00+08:00`,
    actualAt: `${date}T${hhmm}:01+08:00`,
    ...overrides,
  });
}

/** RFC 4180 records, quotes undone: what a spreadsheet shows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(field)}`);
  return rows;
}
