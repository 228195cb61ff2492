import { shuffled, seededRandom } from '../common/seeded-random.ts';
import { withTags, type MediaCatalogue, type MediaItem } from '../media/catalogue.ts';
import type { Playlist } from './program-schema.ts';

/**
 * The tracks a playlist hands out over one day. Shuffled playlists play every track once before
 * any repeats, in an order derived from the date, so the same day always gets the same plan.
 */
export function playlistCursor(
  catalogue: MediaCatalogue,
  playlist: Playlist,
  seed: string,
): () => MediaItem | undefined {
  const tracks = withTags(catalogue, playlist.tags);
  if (tracks.length === 0) return () => undefined;
  if (playlist.order === 'ordered') {
    let i = 0;
    return () => tracks[i++ % tracks.length];
  }
  const random = seededRandom(seed);
  let round: MediaItem[] = [];
  let last: MediaItem | undefined;
  return () => {
    if (round.length === 0) {
      round = shuffled(tracks, random);
      // Never the same track twice in a row across two rounds.
      if (round.length > 1 && round[0] === last) round.push(round.shift() as MediaItem);
    }
    last = round.shift();
    return last;
  };
}
