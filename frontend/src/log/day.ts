// Small pieces about one day of the log shared by loading (useDayLog) and saving (useSaveLog).
import { addDays, formatTimestamp, isIsoDate } from '../dates';
import type { Decision, Guidance, LogRecord } from '../api/types';
import { getState, setState } from '../store';

/** A patient logs or edits only the last 14 days. */
export const EDITABLE_DAYS = 14;

export function isEditable(date: string, today: string): boolean {
  return isIsoDate(date) && date <= today && date >= addDays(today, -(EDITABLE_DAYS - 1));
}

export function decisionOf(l: LogRecord | undefined): Decision | null {
  if (!l) return null;
  return l.decision ?? l.guidance?.decision ?? null;
}

/** `b` over `a` by date (a day's known guidance stays when `b` has none), sorted by date. */
export function mergeLogs(a: LogRecord[], b: LogRecord[]): LogRecord[] {
  const m = new Map<string, LogRecord>();
  for (const l of a) m.set(l.log_date, l);
  for (const l of b) m.set(l.log_date, { ...m.get(l.log_date), ...l, guidance: l.guidance ?? m.get(l.log_date)?.guidance ?? null });
  return [...m.values()].sort((x, y) => (x.log_date < y.log_date ? -1 : 1));
}

export function savedOfflineMessage(n: number): string {
  const last = getState().outbox.lastSyncAt;
  return `Saved on this phone — waiting to sync (${n}). ${last ? `Last synced ${formatTimestamp(last)}.` : 'Not synced yet.'}`;
}

/** The server's urgent or emergency referral for `date` takes over the screen (once per acknowledgement). */
export function maybeTakeover(date: string, g: Guidance | null | undefined): void {
  if (!g) return;
  if (g.referral === 'urgent' || g.referral === 'emergency') {
    const cur0 = getState();
    if (cur0.lastAck === `${date}:${g.referral}`) return; // already acknowledged for this save
    if (cur0.takeover && cur0.takeover.date === date && cur0.takeover.level === g.referral && cur0.takeover.reasons.length) return;
    const reasons = (g.reasons ?? []).filter((r) => r.severity === 'critical' || r.component === 'all');
    const cur = getState().takeover;
    setState({ takeover: { level: cur?.level === 'emergency' ? 'emergency' : g.referral, date, reasons: reasons.length ? reasons : g.reasons ?? [] } });
  }
}
