import type { MediaCatalogue } from './catalogue.ts';
import type { Promo } from '../program/promo-schema.ts';
import type { ScheduleService } from '../program/schedule-service.ts';
import type { SourceIssue } from '../program/source.ts';

/** Something that needs a media item: a place in the schedule files, or a promo. */
export type MediaUser =
  | { kind: 'schedule'; file: string; line: number; col: number; message: string }
  | { kind: 'promo'; id: string; title: string; merchant: string };

interface Deps {
  schedules: Pick<ScheduleService, 'check'>;
  promos: { all(): readonly Promo[] };
}

const key = (i: SourceIssue) => `${i.file}:${i.line}:${i.col}:${i.message}`;

/**
 * The problems the program would have with this catalogue that it does not have now: the
 * slots, playlists and calendar scripts a media change would break. Nothing is changed.
 */
export function newScheduleIssues(deps: Deps, candidate: MediaCatalogue): SourceIssue[] {
  const after = deps.schedules.check({ catalogue: candidate }).errors;
  if (after.length === 0) return [];
  const before = new Set(deps.schedules.check({}).errors.map(key));
  return after.filter((i) => !before.has(key(i)));
}

/** Everything that would break if the media `id` went away, as a person can look it up. */
export function usersOf(deps: Deps, id: string, without: MediaCatalogue): MediaUser[] {
  // Promos are listed from their records (with merchant and title), not as check issues.
  const schedule = newScheduleIssues(deps, without)
    .filter((i) => !/^promos(\.yaml)?$/.test(i.file))
    .map((i): MediaUser => ({ kind: 'schedule', ...i }));
  const promos = deps.promos
    .all()
    .filter((p) => p.media === id)
    .map((p): MediaUser => ({
      kind: 'promo',
      id: p.id,
      title: p.title,
      merchant: p.merchant.name,
    }));
  return [...schedule, ...promos];
}

/** `program.yaml:30:12`, `promo lanting-sofa (兰亭沙发)`: for the refusal's message. */
export function describeUser(u: MediaUser): string {
  switch (u.kind) {
    case 'schedule':
      return u.line > 0 ? `${u.file}:${u.line}:${u.col}` : u.file;
    case 'promo':
      return `promo ${u.id} (${u.merchant})`;
    default: {
      const never: never = u;
      return never;
    }
  }
}
