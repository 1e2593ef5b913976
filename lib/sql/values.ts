// What a text, day or timestamp from a URL or a form must look like before it reaches SQL.
// PostgreSQL answers an error, not "no rows", to a NUL in text ("invalid byte sequence") and to a
// date it cannot represent (2024-13-45, year 0): unchecked, a typo in a URL would be a 500.
// Client-safe and import-free: the URL parsers of the list and the audit log use it.

// Any control character but tab and line breaks, which a pasted text may hold.
const controlCharacter = /[^\P{Cc}\t\n\r]/u;

/** True when the text holds NUL or another control character no form or link ever sends. */
export function hasControlCharacters(value: string): boolean {
  return controlCharacter.test(value);
}

/** The years a filter or a cursor may name: every contact and event lives well inside them. */
const firstYear = 1900;
const lastYear = 9999;

/** True for a real calendar day written YYYY-MM-DD in [1900, 9999]: not 2024-13-45, 2026-02-30 or 0000-01-01. */
export function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= firstYear && year <= lastYear && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

// A timestamptz as PostgreSQL writes it as text ("2026-03-05 12:34:56.123456-03"), or in ISO form.
const timestampShape = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?$/;

/** True for a timestamp on a real day, with a real time of day and a UTC offset PostgreSQL accepts (±15:59). */
export function isTimestamp(value: string): boolean {
  const match = timestampShape.exec(value);
  if (!match) return false;
  const [, day, hours, minutes, seconds, offsetHours = "0", offsetMinutes = "0"] = match;
  return isDay(day) && +hours <= 23 && +minutes <= 59 && +seconds <= 59 && +offsetHours <= 15 && +offsetMinutes <= 59;
}
