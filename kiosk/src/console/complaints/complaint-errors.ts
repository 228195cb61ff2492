import { fieldErrors } from '../merchants/merchant-types.ts';
import { FIELD_ERROR_ZH } from './complaint-text.ts';

/** The server's refusal at its field: the Chinese for it first, the server's words after. */
export function fieldMessages(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(err))) {
    // `fields.customerPhone` (a correction) is the phone all the same.
    const zh = FIELD_ERROR_ZH[field.split('.').pop() as keyof typeof FIELD_ERROR_ZH];
    out[field] = zh ? `${zh} · ${message}` : message;
  }
  return out;
}
