import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../console-api.ts';
import type { ConsoleSession } from '../console-context.ts';
import {
  EDITED_FILES,
  type EditedFile,
  type ProgramPreview,
  type ScheduleFile,
} from './program-types.ts';

/** Typing settles for this long before the server compiles the preview. */
const DEBOUNCE_MS = 300;

/** What became of a save. */
export type SaveResult =
  | { ok: true; saved: { file: EditedFile; revision: number }[] }
  | {
      ok: false;
      message: string;
      /** The server found problems (422): the preview lists them. */
      refused: boolean;
      /** Files saved before the refusal (both edited, the second refused). */
      saved: { file: EditedFile; revision: number }[];
    };

/**
 * The program page's state: the running revision of program.yaml and volume.yaml, the edited
 * text of each (the form and the code editor both write here), and the server's preview of the
 * edited text, asked again a moment after each change. A save goes through the server's gate;
 * refused, it changes nothing and the preview lists every problem.
 */
export class ProgramDraft implements ReactiveController {
  running?: Record<EditedFile, ScheduleFile>;
  drafts: Record<EditedFile, string> = { program: '', volume: '' };
  preview?: ProgramPreview;
  /** The preview is older than the text (a request under way, or typing). */
  pending = false;
  previewError?: string;
  loadError?: string;
  /** The date previewed; none is today. */
  date?: string;
  saving = false;
  /** Someone else saved a file this page has unsaved edits of. */
  newer?: { file: EditedFile; revision: number; author: string };

  private _timer?: ReturnType<typeof setTimeout>;
  private _seq = 0;
  private readonly _onSchedule = (e: Event) =>
    this._scheduleChanged(
      (e as CustomEvent<{ file: string; revision: number; author: string }>).detail,
    );
  private readonly _onPlan = () => {
    if (!this.pending) this.refresh();
  };

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _session: () => ConsoleSession | undefined,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    const events = this._session()?.events;
    events?.addEventListener('schedule-changed', this._onSchedule);
    events?.addEventListener('plan-changed', this._onPlan);
    void this.load();
  }

  hostDisconnected(): void {
    const events = this._session()?.events;
    events?.removeEventListener('schedule-changed', this._onSchedule);
    events?.removeEventListener('plan-changed', this._onPlan);
    clearTimeout(this._timer);
  }

  dirty(file: EditedFile): boolean {
    return !!this.running && this.drafts[file] !== this.running[file].yaml;
  }

  get anyDirty(): boolean {
    return EDITED_FILES.some((f) => this.dirty(f));
  }

  /** Reads the running files; the drafts start as them (unless `keepDrafts` of edited ones). */
  async load(keepDrafts = false): Promise<void> {
    const api = this._session()?.api;
    if (!api) return;
    try {
      const [program, volume] = await Promise.all(
        EDITED_FILES.map((f) => api.get<ScheduleFile>(`/api/${f}`)),
      );
      const before = this.running;
      this.running = { program: program as ScheduleFile, volume: volume as ScheduleFile };
      for (const f of EDITED_FILES) {
        const edited = before && this.drafts[f] !== before[f].yaml;
        if (!keepDrafts || !edited) this.drafts[f] = this.running[f].yaml;
      }
      this.loadError = undefined;
      this.newer = undefined;
      this.refresh();
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
    }
    this._host.requestUpdate();
  }

  /** The form or the code editor changed a file: preview it once typing settles. */
  edit(file: EditedFile, text: string): void {
    if (text === this.drafts[file]) return;
    this.drafts[file] = text;
    this.pending = true;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._preview(), DEBOUNCE_MS);
    this._host.requestUpdate();
  }

  /** Drops the edits: the drafts are the running files again. */
  discard(): void {
    if (!this.running) return;
    for (const f of EDITED_FILES) this.drafts[f] = this.running[f].yaml;
    this.refresh();
  }

  chooseDate(date: string | undefined): void {
    this.date = date;
    this.refresh();
  }

  /** Previews now. */
  refresh(): void {
    clearTimeout(this._timer);
    this.pending = true;
    this._host.requestUpdate();
    void this._preview();
  }

  /** Compiles any text without storing it (an old revision, say): the same route as typing. */
  async previewOf(texts: Partial<Record<EditedFile, string>>, date?: string) {
    const api = this._session()?.api;
    if (!api) throw new Error('not signed in');
    return api.post<ProgramPreview>('/api/program/preview', {
      ...texts,
      ...(date ? { date } : {}),
    });
  }

  private async _preview(): Promise<void> {
    const seq = ++this._seq;
    const texts: Partial<Record<EditedFile, string>> = {};
    for (const f of EDITED_FILES) if (this.dirty(f)) texts[f] = this.drafts[f];
    try {
      const p = await this.previewOf(texts, this.date);
      if (seq !== this._seq) return;
      this.preview = p;
      this.previewError = undefined;
    } catch (err) {
      if (seq !== this._seq) return;
      this.previewError = err instanceof Error ? err.message : String(err);
    } finally {
      if (seq === this._seq) this.pending = false;
      this._host.requestUpdate();
    }
  }

  /**
   * Saves each edited file as a new revision, with the note. Both edited: the volume file
   * first when it is valid with the running program (a wider range), else the program first
   * (a level lowered into a narrower range), so each save passes the gate on its own.
   */
  async save(note: string): Promise<SaveResult> {
    const api = this._session()?.api;
    const running = this.running;
    if (!api || !running) return { ok: false, message: 'not loaded', refused: false, saved: [] };
    const files = EDITED_FILES.filter((f) => this.dirty(f));
    if (files.length === 2) {
      const volumeAlone = await this.previewOf({ volume: this.drafts.volume });
      if (volumeAlone.errors.length) files.reverse();
    }
    this.saving = true;
    this._host.requestUpdate();
    const saved: { file: EditedFile; revision: number }[] = [];
    const texts = { ...this.drafts };
    try {
      for (const f of files) {
        const r = await api.put<{ revision: number }>(`/api/${f}`, {
          yaml: texts[f],
          note,
          baseRevision: running[f].revision,
        });
        saved.push({ file: f, revision: r.revision });
      }
      return { ok: true, saved };
    } catch (err) {
      const refused = err instanceof ApiError && err.status === 422;
      const message = err instanceof Error ? err.message : String(err);
      if (refused) this.refresh();
      return { ok: false, message, refused, saved };
    } finally {
      this.saving = false;
      // The drafts typed meanwhile are kept; what was saved is now running.
      await this.load(true);
    }
  }

  /** Restores an old revision of a file as the running one (the server checks it again). */
  async restore(file: EditedFile, id: number): Promise<number> {
    const api = this._session()?.api;
    if (!api) throw new Error('not signed in');
    this.saving = true;
    try {
      const r = await api.post<{ revision: number }>(`/api/${file}/revisions/${id}/restore`);
      return r.revision;
    } finally {
      this.saving = false;
      await this.load();
    }
  }

  private _scheduleChanged(e: { file: string; revision: number; author: string }): void {
    const file = EDITED_FILES.find((f) => f === e.file);
    if (!file || !this.running || this.saving) return;
    if (e.revision === this.running[file].revision) return;
    if (this.dirty(file)) {
      this.newer = { file, revision: e.revision, author: e.author };
      this._host.requestUpdate();
    } else void this.load(true);
  }
}
