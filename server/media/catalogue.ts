/** What the day-plan compiler knows about the audio it can schedule. */
export interface MediaItem {
  /** Path under media/ without the extension: `background/light/02-river`. */
  id: string;
  /** Path under media/, with the extension, as the player fetches it. */
  file: string;
  title: string;
  /** The folders it sits in (`background`, `light`): what playlists select on. */
  tags: readonly string[];
  durationMs: number;
}

export interface MediaCatalogue {
  byId: ReadonlyMap<string, MediaItem>;
  /** All items, sorted by id so ordered playlists follow file-name order. */
  items: readonly MediaItem[];
}

export function makeCatalogue(items: readonly MediaItem[]): MediaCatalogue {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { byId: new Map(sorted.map((m) => [m.id, m])), items: sorted };
}

/** The media carrying every tag, in id order. */
export function withTags(catalogue: MediaCatalogue, tags: readonly string[]): MediaItem[] {
  return catalogue.items.filter((m) => tags.every((t) => m.tags.includes(t)));
}

export function knownTags(catalogue: MediaCatalogue): Set<string> {
  return new Set(catalogue.items.flatMap((m) => m.tags));
}
