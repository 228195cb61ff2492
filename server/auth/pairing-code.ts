/**
 * Pairing codes and the life of a pairing request, as pure rules: the store gives them the
 * random bytes and the time.
 */

/** No 0/O or 1/I: the code is read off a screen across a counter and typed on a phone. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** How long a code on a device's screen may be typed in, and a paired page may collect its token. */
export const PAIRING_TTL_MS = 10 * 60_000;

// 32 letters: five bits of each byte pick one, so every letter is equally likely.
const MASK = CODE_ALPHABET.length - 1;

/** A code from `CODE_LENGTH` random bytes. */
export function codeFrom(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`a code needs ${CODE_LENGTH} random bytes`);
  return Array.from(bytes.subarray(0, CODE_LENGTH), (b) => CODE_ALPHABET[b & MASK]).join('');
}

/** What a person typed, as a code: case, spaces and dashes do not matter (`abc-def` is `ABCDEF`). */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-·.]/g, '');
}

/** Why a typed code is not one, or undefined when it has the shape of a code. */
export function codeProblem(code: string): string | undefined {
  if (code.length !== CODE_LENGTH)
    return `a pairing code has ${CODE_LENGTH} characters (this has ${code.length})`;
  const stray = [...code].find((ch) => !CODE_ALPHABET.includes(ch));
  if (stray)
    return `"${stray}" is never in a pairing code (codes have no 0, O, 1 or I): check the screen`;
  return undefined;
}

/** Where a request stands: typed in or not, collected or not, still in time or not. */
export type PairingState = 'pending' | 'approved' | 'claimed' | 'expired';

export interface PairingTimes {
  expiresAt: string;
  approvedAt: string | null;
  claimedAt: string | null;
}

/**
 * A code may be typed in until it expires; once approved, the page has another `PAIRING_TTL_MS`
 * to collect its token (it polls every few seconds, so it is there long before).
 */
export function pairingState(r: PairingTimes, now: Date): PairingState {
  const t = now.getTime();
  if (r.claimedAt) return 'claimed';
  if (r.approvedAt) return t < Date.parse(r.approvedAt) + PAIRING_TTL_MS ? 'approved' : 'expired';
  return t < Date.parse(r.expiresAt) ? 'pending' : 'expired';
}
