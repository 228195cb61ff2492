/** A mono 16-bit WAV of these samples (in 16-bit units, ±32767). */
function wav(samples: Float64Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(v), i * 2));
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36);
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** A mono 16-bit WAV of a sine tone: distinct frequencies tell test items apart by ear and FFT. */
export function tone(seconds: number, hz: number, rate = 22050, amplitude = 0.3): Buffer {
  const samples = new Float64Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++)
    samples[i] = amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate);
  return wav(samples, rate);
}

/**
 * A sine whose pitch rises by `stepHz` every whole second (second k at `hz0 + k·stepHz`), with
 * no jump in phase: the pitch heard tells how far into the file the player is.
 */
export function steppedTone(
  seconds: number,
  hz0: number,
  stepHz: number,
  rate = 22050,
  amplitude = 0.3,
): Buffer {
  const samples = new Float64Array(Math.round(seconds * rate));
  let phase = 0;
  for (let i = 0; i < samples.length; i++) {
    samples[i] = amplitude * 32767 * Math.sin(phase);
    phase += (2 * Math.PI * (hz0 + Math.floor(i / rate) * stepHz)) / rate;
  }
  return wav(samples, rate);
}
