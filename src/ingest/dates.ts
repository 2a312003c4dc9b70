/** English month names, lower case, January first. */
export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Normalises a publication date given in metadata to ISO (`YYYY-MM-DD`, or a full ISO date-time when a time is given).
 * Returns null when it cannot be read.
 */
export function normalizePublished(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?/.exec(
    text,
  );
  if (iso) {
    if (!validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return null;
    if (!iso[4]) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const parsed = new Date(text.replace(' ', 'T'));
    return Number.isNaN(parsed.getTime()) ? `${iso[1]}-${iso[2]}-${iso[3]}` : parsed.toISOString();
  }
  const dayMonthYear = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  const monthDayYear = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  const parts = dayMonthYear
    ? { day: dayMonthYear[1], month: dayMonthYear[2], year: dayMonthYear[3] }
    : monthDayYear
      ? { day: monthDayYear[2], month: monthDayYear[1], year: monthDayYear[3] }
      : null;
  if (parts) {
    const month = monthNumber(parts.month ?? '');
    const year = Number(parts.year);
    const day = Number(parts.day);
    if (month && validDay(year, month, day)) return `${parts.year}-${pad(month)}-${pad(day)}`;
    return null;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex(
    (m) => m.startsWith(lower.slice(0, 3)) && m.startsWith(lower.replace(/\.$/, '')),
  );
  return index < 0 ? null : index + 1;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');
