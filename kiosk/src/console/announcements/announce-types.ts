/** The shapes the announcements page reads from the server (server/announcements/). */

export type Priority = 'normal' | 'urgent' | 'emergency';

export interface Announcement {
  id: number;
  kind: 'text' | 'media';
  title: string;
  text?: string;
  mediaId?: string;
  audioUrl: string;
  durationMs: number;
  /** UTC instant, or null for "now". */
  at: string | null;
  repeat: number;
  intervalS: number;
  priority: Priority;
  targets: 'all' | number[];
  status: 'scheduled' | 'cancelled';
  template?: string;
  createdBy: string;
  createdAt: string;
  cancelledBy?: string;
  cancelledAt?: string;
}

export type FieldKind = 'text' | 'integer' | 'plate';

export interface TemplateField {
  name: string;
  label: string;
  kind: FieldKind;
  example: string;
  min?: number;
  max?: number;
}

export interface Template {
  id: string;
  name: string;
  title: string;
  text: string;
  fields: TemplateField[];
  priority: Priority;
  repeat: number;
  intervalS: number;
  builtin: boolean;
  edited: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A template's wording as the editor sends it. */
export type TemplateDefinition = Pick<
  Template,
  'name' | 'title' | 'text' | 'fields' | 'priority' | 'repeat' | 'intervalS'
>;

export interface Player {
  id: number;
  name: string;
  lastSeenAt: string | null;
}

export interface MediaItem {
  id: string;
  title: string;
  tags: string[];
  durationMs: number;
  url: string;
}

/** One line of the as-played log for an announcement (GET /api/plays?kind=announcement). */
export interface AnnouncementPlayRow {
  id: number;
  announcementId: number | null;
  itemId: string;
  deviceId: number;
  device: string | null;
  status: 'started' | 'ended' | 'skipped' | 'failed';
  plannedAt: string;
  actualAt: string;
  reason: string | null;
}

export const PRIORITY_NAMES: Record<Priority, { zh: string; en: string; variant: string }> = {
  normal: { zh: '普通', en: 'Normal', variant: 'neutral' },
  urgent: { zh: '紧急', en: 'Urgent', variant: 'warning' },
  emergency: { zh: '最高（应急）', en: 'Emergency', variant: 'danger' },
};
