import { createHash, randomBytes } from 'node:crypto';

/** A random opaque token, as handed to a browser cookie or a device. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What the database keeps of a token: its hash, never the token itself. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
