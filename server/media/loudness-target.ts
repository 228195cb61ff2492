/**
 * The mall's broadcast loudness, which "normalise" brings an item to: −16 LUFS integrated
 * (EBU R128) with true peaks at most −1.5 dBTP, the level the shipped media is made at
 * (media/generate.sh) and the voice pack speaks at (server/queue/voice-pack.ts). One place to
 * change it; the console shows it from GET /api/media.
 */
export const LOUDNESS_TARGET = { lufs: -16, truePeakDbtp: -1.5, lra: 11 } as const;

/** Within this many LU of the target an item counts as normalised (the console's badge). */
export const LOUDNESS_TOLERANCE_LU = 1;
