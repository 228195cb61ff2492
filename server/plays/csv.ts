/** One CSV field: RFC 4180 quoting (a comma, a quote or a line break puts it in quotes). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Spreadsheets run a cell that starts like a formula (OWASP "CSV injection"): a title is text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, ended by CRLF as RFC 4180 has it. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Excel reads a CSV file as the local ANSI code page unless it starts with a UTF-8 BOM. */
export const UTF8_BOM = '\uFEFF';
