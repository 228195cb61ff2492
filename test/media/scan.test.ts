import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTags } from '../../server/media/catalogue.ts';
import { scanMedia } from '../../server/media/scan.ts';
import { wav } from './fixtures.ts';

describe('media scan', () => {
  it('reads durations from the files, tags from their folders, and reports what is not audio', async () => {
    const root = await mkdtemp(join(tmpdir(), 'deskcast-media-'));
    await mkdir(join(root, 'background/light'), { recursive: true });
    await mkdir(join(root, 'promos'), { recursive: true });
    await writeFile(join(root, 'background/light/02-rain.wav'), wav(2));
    await writeFile(join(root, 'background/light/01-garden.wav'), wav(3.5));
    await writeFile(join(root, 'promos/fake.mp3'), 'this is not audio at all\n'.repeat(50));
    await writeFile(join(root, 'promos/notes.txt'), 'ignored');

    const { catalogue, problems } = await scanMedia(root);
    expect(catalogue.items.map((m) => [m.id, m.durationMs, m.tags])).toEqual([
      ['background/light/01-garden', 3500, ['background', 'light']],
      ['background/light/02-rain', 2000, ['background', 'light']],
    ]);
    expect(catalogue.byId.get('background/light/02-rain')?.file).toBe(
      'background/light/02-rain.wav',
    );
    expect(withTags(catalogue, ['light']).map((m) => m.id)).toEqual([
      'background/light/01-garden',
      'background/light/02-rain',
    ]);
    expect(problems.map((p) => p.file)).toEqual(['promos/fake.mp3']);
  });

  it('reads the shipped demo media, every file with a title and a real length', async () => {
    const { catalogue, problems } = await scanMedia('media');
    expect(problems).toEqual([]);
    expect(catalogue.items.length).toBeGreaterThanOrEqual(20);
    for (const m of catalogue.items) {
      expect(m.durationMs, m.id).toBeGreaterThan(3000);
      expect(m.title, m.id).not.toBe(m.id.split('/').pop());
    }
  });
});
