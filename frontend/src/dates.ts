// Calendar-date helpers. Dates are ISO `YYYY-MM-DD` in the patient's own time zone.

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Today's date in `timeZone` (an IANA name), e.g. "2026-11-23". */
export function todayIn(timeZone: string | null | undefined, at: Date = new Date()): string {
  const tz = timeZone || deviceTimeZone();
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The `n` dates ending at `end`, oldest first. */
export function lastNDays(end: string, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(addDays(end, -i));
  return out;
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { y: number; m: number; d: number; wd: number } {
  const dt = new Date(`${iso}T00:00:00Z`);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth(), d: dt.getUTCDate(), wd: dt.getUTCDay() };
}

export function weekdayShort(iso: string): string {
  return WEEKDAY[parts(iso).wd]!;
}

/** "Mon 23 Nov" */
export function shortLabel(iso: string): string {
  const p = parts(iso);
  return `${WEEKDAY[p.wd]} ${p.d} ${MONTH[p.m]}`;
}

/** "Monday 23 November 2026"-ish, or "Today"/"Yesterday" relative to `today`. */
export function friendlyDate(iso: string, today?: string): string {
  if (today) {
    const diff = daysBetween(iso, today);
    if (diff === 0) return 'Today';
    if (diff === 1) return 'Yesterday';
    if (diff === -1) return 'Tomorrow';
  }
  const p = parts(iso);
  return `${WEEKDAY_LONG[p.wd]} ${p.d} ${MONTH[p.m]} ${p.y}`;
}

/** A timestamp for people: "23 Nov, 09:41" (local time of the device). */
export function formatTimestamp(ts: number | string | null | undefined): string {
  if (ts === null || ts === undefined || ts === '') return '';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return String(ts);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${MONTH[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`;
}

const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function monthName(iso: string): string {
  return MONTH_LONG[parts(iso).m]!;
}

export function dayNumber(iso: string): number {
  return parts(iso).d;
}
