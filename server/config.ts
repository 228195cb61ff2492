import { z } from 'zod';

/** Everything the server reads from its environment; the only reader of `process.env`. */
const configSchema = z.object({
  SCHEDULES_DIR: z.string().min(1).default('schedules'),
  MEDIA_DIR: z.string().min(1).default('media'),
});

export interface Config {
  schedulesDir: string;
  mediaDir: string;
}

/** Parses the environment; on bad values returns each field's problem instead. */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
): { config: Config } | { errors: string[] } {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  return { config: { schedulesDir: parsed.data.SCHEDULES_DIR, mediaDir: parsed.data.MEDIA_DIR } };
}
