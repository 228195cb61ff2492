import { z } from 'zod';
import { parseClockExpr } from '../program/clock-expr.ts';
import { parseYaml, validateSource, type SourceIssue } from '../program/source.ts';

/** A service id as URLs and the database carry it: `enquiry`, `prize-2`. */
export const serviceId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'write lower-case letters, digits and dashes (enquiry)');

/** A time of day as program.yaml writes one (`09:30`, `closing-15m`), or `24:00` for midnight. */
const hoursClock = z
  .string()
  .refine(
    (t) => t.trim() === '24:00' || parseClockExpr(t) !== undefined,
    'write HH:MM, or opening/closing/onAir with an offset such as closing-15m',
  );

const text = (max: number) => z.string().trim().min(1).max(max);

export const queueServiceSchema = z.strictObject({
  id: serviceId,
  prefix: z.string().regex(/^[A-Z]$/, 'one capital letter, A to Z'),
  name: text(60),
  nameEn: text(60),
  hours: z.strictObject({ from: hoursClock, until: hoursClock }),
});
export type QueueServiceConfig = z.infer<typeof queueServiceSchema>;

export const queueCounterSchema = z.strictObject({
  // Spoken as a Chinese numeral: the voice pack reads 1 to 99.
  number: z.number().int().min(1).max(99),
  name: text(30).optional(),
  services: z.array(serviceId).min(1),
});

export const DIGIT_ONE = ['yi', 'yao'] as const;
export const CALL_ORDERS = ['services', 'arrival'] as const;

/** The rules the desk runs by; every one has a default, so an older file keeps working. */
export const queueSettingsSchema = z.strictObject({
  maxRecalls: z.number().int().min(0).max(10).default(3),
  noShowRecallMinutes: z.number().int().min(0).max(600).default(30),
  priorityRun: z.number().int().min(0).max(20).default(2),
  defaultServiceMinutes: z.number().positive().max(240).default(5),
  english: z.boolean().default(true),
  digitOne: z.enum(DIGIT_ONE).default('yi'),
  callOrder: z.enum(CALL_ORDERS).default('services'),
  categories: z.array(text(30)).max(60).default([]),
});
export type QueueSettings = z.infer<typeof queueSettingsSchema>;

/** `schedules/queue.yaml`: the settings, the services and the counters. */
export const queueFileSchema = queueSettingsSchema
  .extend({
    services: z.array(queueServiceSchema).min(1).max(26),
    counters: z.array(queueCounterSchema).min(1).max(99),
  })
  .superRefine((file, ctx) => {
    const unique = <T>(items: readonly T[], key: (t: T) => unknown, path: string, what: string) => {
      const seen = new Set<unknown>();
      items.forEach((item, i) => {
        const k = key(item);
        if (seen.has(k))
          ctx.addIssue({
            code: 'custom',
            path: [path, i],
            message: `${what} ${String(k)} is used twice`,
          });
        seen.add(k);
      });
    };
    unique(file.services, (s) => s.id, 'services', 'service id');
    unique(file.services, (s) => s.prefix, 'services', 'prefix');
    unique(file.counters, (c) => c.number, 'counters', 'counter');
    const ids = new Set(file.services.map((s) => s.id));
    file.counters.forEach((c, i) =>
      c.services.forEach((s, j) => {
        if (!ids.has(s))
          ctx.addIssue({
            code: 'custom',
            path: ['counters', i, 'services', j],
            message: `no service "${s}" in services`,
          });
      }),
    );
  });
export type QueueFile = z.infer<typeof queueFileSchema>;

/** Parses and checks queue.yaml; every problem comes back as `queue.yaml:line:col`. */
export function parseQueueFile(
  text: string,
  file = 'queue.yaml',
): { value?: QueueFile; issues: SourceIssue[] } {
  const { source, issues } = parseYaml(file, text);
  if (issues.length) return { issues };
  return validateSource(source, queueFileSchema);
}
