// A patient's days as the clinician reads them: the log, then that day's current decision (pure).
import type { Decision, PatientRecord, Reason, Referral } from '../api/types';

export type Log = PatientRecord['logs'][number];

export interface DayView {
  date: string;
  log: Log | null;
  decision: Decision | null;
  referral: Referral;
  reasons: Reason[];
}

/** One entry per day, newest first: the logged answers, then the current decision of that day. */
export function buildDays(record: PatientRecord): DayView[] {
  const byDate = new Map<string, DayView>();
  const get = (d: string) => {
    let v = byDate.get(d);
    if (!v) {
      v = { date: d, log: null, decision: null, referral: null, reasons: [] };
      byDate.set(d, v);
    }
    return v;
  };
  for (const l of record.logs) {
    const v = get(l.log_date);
    v.log = l;
    v.decision = l.decision ?? v.decision;
    v.referral = l.referral ?? null;
  }
  for (const g of record.decisions) {
    const v = get(g.date);
    v.decision = g.decision ?? v.decision;
    v.referral = g.referral ?? v.referral;
    const rs = g.reasons.filter((r) => r.message || r.rule);
    if (rs.length) v.reasons = rs;
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}
