import type { Logger } from '../log.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import type { AuthStore } from './store.ts';

/**
 * On a first start there is nobody to sign in: create `admin`, with ADMIN_PASSWORD or a
 * one-time password printed once. Nothing happens once any user exists.
 */
export async function ensureAdmin(
  auth: AuthStore,
  log: Logger,
  now: Date,
  password?: string,
  print: (line: string) => void = console.log,
): Promise<void> {
  if (auth.countUsers() > 0) return;
  const chosen = password ?? generatePassword();
  auth.createUser(
    {
      username: 'admin',
      displayName: '管理员',
      role: 'admin',
      passwordHash: await hashPassword(chosen),
      // A printed password has been on a screen and in a terminal's scrollback.
      mustChangePassword: !password,
    },
    now,
  );
  log.info('created the first user', {
    username: 'admin',
    passwordFrom: password ? 'ADMIN_PASSWORD' : 'printed once',
  });
  if (!password) {
    print(
      `\n  First start: sign in as "admin" with the one-time password  ${chosen}\n  at http://<this server>:<PORT>/console; you will choose your own then. It is not shown again.\n`,
    );
  }
}
