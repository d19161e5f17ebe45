/** Calendar helpers on UTC days ("YYYY-MM-DD"), used for pay periods and employment dates. */

export const DAY_MS = 86_400_000;

/** Recent days, formatted: a big company's records format the same few thousand days over and over. */
const DAY_TEXT = new Map<number, string>();

export function isoDay(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    text = new Date(ms).toISOString().slice(0, 10);
    // Days are few (decades are ~10,000 entries); the cap only guards against a pathological caller.
    if (DAY_TEXT.size < 100_000) DAY_TEXT.set(day, text);
  }
  return text;
}

export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Midnight UTC of the day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function parseIsoDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || isoDay(ms) !== text ? null : ms;
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** Last day of the month containing `ms`, at midnight UTC. */
export function endOfMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
}

export function utcDate(year: number, monthIndex: number, day: number): number {
  return Date.UTC(year, monthIndex, day);
}
