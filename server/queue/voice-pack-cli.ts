import { resolve } from 'node:path';
import { espeakWasm } from '../tts/synthesiser.ts';
import { buildVoicePack } from './voice-pack.ts';

/**
 * `npm run voice-pack [-- OUT_DIR]`: makes the queue's voice pack again (default media/voice),
 * with nothing but what npm installed. A pack recorded by a person replaces the files instead.
 */
const out = resolve(process.argv[2] ?? 'media/voice');
const synth = espeakWasm();
try {
  const r = await buildVoicePack(out, synth);
  console.log(
    `voice pack: ${r.clips} speech clips + chime in ${out}; speech ${r.lufs} LUFS ` +
      `(peak ${r.peakDbtp} dBTP), chime ${r.chimeGainDb.toFixed(2)} dB`,
  );
} finally {
  synth.close();
}
