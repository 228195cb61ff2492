import type { DayPlan, PlanItem } from '../../../../core/plan.ts';

/** The two files the program page edits. */
export const EDITED_FILES = ['program', 'volume'] as const;
export type EditedFile = (typeof EDITED_FILES)[number];

/** A problem the server found, at `file:line:col` (line 0: the whole file). */
export interface Issue {
  file: string;
  line: number;
  col: number;
  message: string;
  code?: string;
}

/** GET /api/program, /api/volume: the running revision of a file. */
export interface ScheduleFile {
  file: string;
  revision: number;
  author: string;
  note: string;
  createdAt: string;
  yaml: string;
  warnings: Issue[];
}

/** GET /api/<file>/revisions: a saved version, without its text. */
export interface RevisionInfo {
  id: number;
  file: string;
  author: string;
  note: string;
  createdAt: string;
  size: number;
}

/** A named volume rule of volume.yaml (迎宾曲及送宾曲 21–24). */
export interface LevelRule {
  name: string;
  min: number;
  max: number;
  default?: number;
}

/** The levels the seed's rules leave a slot (server/program/check-volume.ts `slotLevels`). */
export interface Levels {
  min: number;
  max: number;
  rules: LevelRule[];
  defaults: number[];
  playlists?: Record<string, Levels>;
}

/** One of the coming seven days, as a save would compile it. */
export interface DaySummary {
  date: string;
  dayType: DayPlan['dayType'];
  dayTypes: string[];
  items: number;
  byKind: Record<PlanItem['kind'], number>;
  runningItems: number;
  changed: boolean;
  warnings: string[];
}

/** One kind of change to a slot's plays in the previewed date's plan. */
export interface PlanChange {
  slot: string;
  title: string;
  what: 'volume' | 'time' | 'content' | 'added' | 'removed';
  items: number;
  from?: number;
  to?: number;
}

/** POST /api/program/preview. */
export interface ProgramPreview {
  date: string;
  plan: DayPlan | null;
  changes: PlanChange[];
  errors: Issue[];
  warnings: Issue[];
  days: DaySummary[];
  levels: Record<string, Levels>;
  running: { program: number; volume: number; calendar: number };
}

/** A problem as the page shows it: the server's issue and whether it stops a save. */
export interface Problem extends Issue {
  severity: 'error' | 'warning';
}

export const problemsOf = (p: ProgramPreview | undefined): Problem[] =>
  p
    ? [
        ...p.errors.map((e) => ({ ...e, severity: 'error' as const })),
        ...p.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
      ]
    : [];

/** `program.yaml 第 12 行 · line 12`: where a problem is, in words. */
export const whereOf = (i: Issue) =>
  i.line > 0 ? `${i.file} 第 ${i.line} 行 · line ${i.line}:${i.col}` : i.file;
