import { z } from 'zod';
import { floorOf } from '../merchants/merchant-fields.ts';

const name = (max: number) => z.string().trim().min(1, 'is required').max(max);
const elementId = z
  .string()
  .regex(/^[A-Za-z][\w.:-]*$/, 'an SVG element id: a letter, then letters, digits, - _ . :');

/** One floor: its id as merchants write their floor, its drawing, and its units' elements. */
export const floorSchema = z.strictObject({
  id: z.string().refine((s) => floorOf(s) === s, {
    message: 'write the floor as the merchants do: 1F, 2F… or B1',
  }),
  name: name(20),
  nameEn: name(40),
  /** The SVG file, beside floors.yaml. */
  map: z.string().regex(/^[\w.-]+\.svg$/, 'the name of an .svg file in the same folder'),
  /** Unit (as merchants write it, A201) → the id of the element that draws it. */
  units: z.record(z.string().min(1).max(20), elementId).default({}),
  /** The element of the service desk, on the floor that has it. */
  desk: elementId.optional(),
});

/** A place a guide screen can stand: "you are here". */
export const hereSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  floor: z.string().min(1),
  element: elementId,
  name: name(30),
  nameEn: name(60),
});

export const floorsFileSchema = z.strictObject({
  floors: z.array(floorSchema).min(1, 'list at least one floor'),
  here: z.array(hereSchema).default([]),
});

export type FloorEntry = z.infer<typeof floorSchema>;
export type HereSpot = z.infer<typeof hereSchema>;

/** A floor as the guide screen gets it: the entry with its drawing's text. */
export interface FloorMap extends FloorEntry {
  svg: string;
}
