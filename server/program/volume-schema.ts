import { z } from 'zod';

const level = z.number().int('a PA level is a whole number');
const tag = z.string().regex(/^[a-z][a-z0-9-]*$/);

/** A named volume rule from the seed, e.g. welcome/farewell music between 21 and 24. */
const rangeSchema = z
  .strictObject({
    min: level,
    max: level,
    /** Level used for matching media when neither the item nor its slot sets one. */
    default: level.optional(),
    slots: z.array(z.string()).default([]),
    tags: z.array(tag).default([]),
  })
  .refine((r) => r.min <= r.max, { message: 'min is above max' })
  .refine((r) => r.slots.length + r.tags.length > 0, {
    message: 'a range applies to some slots or media tags: give slots or tags',
  });
export type VolumeRange = z.infer<typeof rangeSchema>;

export const volumeSchema = z
  .strictObject({
    /** The amplifier's level knob the seed's numbers refer to. */
    scale: z.strictObject({
      min: level.default(0),
      max: level.default(30),
      /** Gain at the top level; each level below is `dbPerLevel` quieter, and `min` is silence. */
      maxGainDb: z.number().max(0).default(0),
      dbPerLevel: z.number().positive().default(1.5),
    }),
    defaults: z.strictObject({ music: level, speech: level }),
    ranges: z.record(tag, rangeSchema).default({}),
  })
  .superRefine((v, ctx) => {
    const inScale = (value: number, path: (string | number)[]) => {
      if (value < v.scale.min || value > v.scale.max)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `level ${value} is outside the scale ${v.scale.min}–${v.scale.max}`,
        });
    };
    inScale(v.defaults.music, ['defaults', 'music']);
    inScale(v.defaults.speech, ['defaults', 'speech']);
    for (const [name, r] of Object.entries(v.ranges)) {
      inScale(r.min, ['ranges', name, 'min']);
      inScale(r.max, ['ranges', name, 'max']);
      if (r.default !== undefined && (r.default < r.min || r.default > r.max))
        ctx.addIssue({
          code: 'custom',
          path: ['ranges', name, 'default'],
          message: `default ${r.default} is outside its own range ${r.min}–${r.max}`,
        });
    }
  });
export type VolumeConfig = z.infer<typeof volumeSchema>;
