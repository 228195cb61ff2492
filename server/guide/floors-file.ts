import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeUtf8,
  formatIssue,
  issueAt,
  parseYaml,
  validateSource,
  type SourceIssue,
} from '../program/source.ts';
import type { Logger } from '../log.ts';
import { floorsFileSchema, type FloorMap, type HereSpot } from './floors-schema.ts';
import { checkSvg, MAX_SVG_BYTES } from './svg-check.ts';

export const FLOORS_FILE = 'floors.yaml';

/** The mall's floor maps as the guide screen shows them, and what is wrong with the files. */
export interface Floors {
  floors: FloorMap[];
  here: HereSpot[];
  /** Every problem, `file:line:col: field: message`; any problem leaves `floors` empty. */
  problems: SourceIssue[];
}

/** A drawing's bytes, or undefined when there is no such file. */
export type ReadMap = (name: string) => Uint8Array | undefined;

/**
 * Checks floors.yaml and the drawings it names, all at once: each problem at its line and
 * column, named by file and field. A floors file with any problem gives no maps at all (a
 * map with a unit pointing nowhere would light up nothing), so the screen shows the directory
 * alone and the log says why. Pure apart from `read`.
 */
export function parseFloors(text: string, read: ReadMap, file = FLOORS_FILE): Floors {
  const none = (problems: SourceIssue[]): Floors => ({ floors: [], here: [], problems });
  const { source, issues } = parseYaml(file, text);
  if (issues.length) return none(issues);
  const { value, issues: invalid } = validateSource(source, floorsFileSchema);
  if (!value) return none(invalid);

  const problems: SourceIssue[] = [];
  const at = (path: (string | number)[], message: string, atKey = false) =>
    problems.push(issueAt(source, path, `${fieldName(path)}: ${message}`, atKey));
  const floors: FloorMap[] = [];
  const idsOf = new Map<string, Set<string>>();
  const unitFloor = new Map<string, string>();

  value.floors.forEach((f, i) => {
    if (idsOf.has(f.id)) at(['floors', i, 'id'], `floor ${f.id} is listed twice`);
    const bytes = read(f.map);
    if (!bytes) {
      at(['floors', i, 'map'], `no file ${f.map} beside ${file}`);
      idsOf.set(f.id, new Set());
      return;
    }
    if (bytes.byteLength > MAX_SVG_BYTES) {
      at(['floors', i, 'map'], `${f.map} is larger than 1 MB; a floor map is a simple drawing`);
      return;
    }
    const decoded = decodeUtf8(f.map, bytes);
    if (decoded.issue) {
      problems.push(decoded.issue);
      return;
    }
    const svg = decoded.text.replace(/^\uFEFF/, '');
    const checked = checkSvg(f.map, svg);
    problems.push(...checked.issues);
    idsOf.set(f.id, checked.ids);
    for (const [unit, element] of Object.entries(f.units)) {
      const other = unitFloor.get(unit);
      if (other)
        at(['floors', i, 'units', unit], `unit ${unit} is already on floor ${other}`, true);
      unitFloor.set(unit, f.id);
      if (!checked.ids.has(element))
        at(['floors', i, 'units', unit], `${f.map} has no element id="${element}"`);
    }
    if (f.desk && !checked.ids.has(f.desk))
      at(['floors', i, 'desk'], `${f.map} has no element id="${f.desk}"`);
    floors.push({ ...f, svg });
  });

  const seen = new Set<string>();
  value.here.forEach((h, i) => {
    if (seen.has(h.id)) at(['here', i, 'id'], `"${h.id}" is listed twice`);
    seen.add(h.id);
    const ids = idsOf.get(h.floor);
    if (!ids)
      at(['here', i, 'floor'], `no floor ${h.floor} in floors (${[...idsOf.keys()].join(', ')})`);
    else if (ids.size && !ids.has(h.element)) {
      const map = value.floors.find((f) => f.id === h.floor)?.map ?? '';
      at(['here', i, 'element'], `${map} has no element id="${h.element}"`);
    }
  });
  return problems.length ? none(problems) : { floors, here: value.here, problems };
}

/** `floors[0].units.C101` for a path. */
function fieldName(path: (string | number)[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * The floors folder (`SCHEDULES_DIR/floors`), read at start and again whenever one of its
 * files changes (a mall replaces a drawing without a restart). No folder: no maps, no error.
 */
export function floorsFolder(dir: string, log: Logger) {
  let cached: { stamp: string; floors: Floors } | undefined;
  const path = join(dir, FLOORS_FILE);
  const mtime = (p: string) => {
    try {
      return statSync(p).mtimeMs;
    } catch {
      return -1;
    }
  };
  // Every file of the folder: a drawing added or fixed after a problem is seen too.
  const stampOf = () => {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      /* no folder */
    }
    return names.map((n) => `${n}:${mtime(join(dir, n))}`).join('|');
  };

  return {
    dir,
    current(): Floors {
      const stamp = stampOf();
      if (cached?.stamp === stamp) return cached.floors;
      const floors = readFolder(path, dir);
      for (const p of floors.problems) log.error('floor map problem', { problem: formatIssue(p) });
      cached = { stamp, floors };
      return floors;
    },
  };
}
export type FloorsFolder = ReturnType<typeof floorsFolder>;

function readFolder(path: string, dir: string): Floors {
  if (!existsSync(path)) return { floors: [], here: [], problems: [] };
  const decoded = decodeUtf8(FLOORS_FILE, readFileSync(path));
  if (decoded.issue) return { floors: [], here: [], problems: [decoded.issue] };
  return parseFloors(decoded.text.replace(/^\uFEFF/, ''), (name) => {
    const p = join(dir, name);
    return existsSync(p) ? readFileSync(p) : undefined;
  });
}
