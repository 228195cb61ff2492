/** What the day-plan compiler knows about the audio it can schedule. */
export interface MediaItem {
  /** What the program files name: `background/light/02-river` (shipped: its path, no extension). */
  id: string;
  /**
   * The stored file, `<sha256>.<ext>`, as the player fetches it (`/media/<file>`); the CLI's
   * folder scan gives the path under media/ instead.
   */
  file: string;
  title: string;
  /** What playlists select on; shipped files get their folders (`background`, `light`). */
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
