// Saving the day: checked on the phone, put in the outbox first (nothing typed is lost), then sent
// when online. Says what happened (status line, live region), moves focus to the error summary
// or to the new guidance, and hands an urgent referral to the takeover.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorsByField, problemMessage } from '../api/http';
import { getCachedLogs, outbox, registerBackgroundSync, syncNow } from '../services';
import { announce, getState, setState } from '../store';
import { DECISION_LABEL } from '../words';
import { localReferral } from './body';
import { maybeTakeover, savedOfflineMessage } from './day';
import { bodyToSave, checkBeforeSave } from './formState';
import { guidanceScope, savedMessage } from './plan';
import type { DayLog } from './useDayLog';

export interface SaveLog {
  save: (e: Event) => Promise<void>;
  saving: boolean;
  /** The error summary above the form (focused when a save is refused). */
  summaryRef: { current: HTMLDivElement | null };
  /** The guidance card's heading (focused when a save brings new guidance). */
  guidanceHeading: { current: HTMLHeadingElement | null };
}

/** The plan follows a sent day by itself: `usePlan` refreshes on every synced day (`onSynced`). */
export function useSaveLog(day: DayLog, date: string, today: string): SaveLog {
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const guidanceHeading = useRef<HTMLHeadingElement>(null);
  const focusGuidance = useRef(false);

  useEffect(() => {
    if (focusGuidance.current && day.guidance) {
      focusGuidance.current = false;
      guidanceHeading.current?.focus();
      guidanceHeading.current?.scrollIntoView({ block: 'start' });
    }
  }, [day.guidance]);

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  async function save(e: Event) {
    e.preventDefault();
    if (saving) return;
    const body = bodyToSave(day.view);
    const errs = checkBeforeSave(body, day.view.toggles);
    day.setErrors(errs);
    day.setStatus(null);
    if (Object.keys(errs).length) {
      day.setFormError('Please check the highlighted answers.');
      focusSummary();
      return;
    }
    day.setFormError(null);
    setSaving(true);
    day.saveStarted();
    setState({ lastAck: null });
    try {
      const queued = await outbox.queue(date, body);
      day.saveQueued(queued);
      const lr = localReferral(body.red_flags);
      if (lr === 'emergency' || lr === 'urgent') setState({ takeover: { level: lr, date, reasons: [] } });

      if (!navigator.onLine) {
        const n = (await outbox.state()).pending;
        const msg = savedOfflineMessage(n);
        day.setStatus(msg);
        announce(msg);
        void registerBackgroundSync();
        return;
      }
      await syncNow('save');
      const after = await outbox.get(date);
      if (!after) {
        const rec = (await getCachedLogs()).find((l) => l.log_date === date);
        const g = rec?.guidance ?? null;
        focusGuidance.current = true;
        day.saveSent(g);
        const msg = savedMessage(guidanceScope(date, today, body), date, g ? DECISION_LABEL[g.decision] ?? g.decision : null);
        day.setStatus(msg);
        announce(msg);
        maybeTakeover(date, g);
      } else {
        day.stillQueued(after);
        if (after.status === 'needs_attention') {
          day.setErrors(errorsByField(after.lastError));
          const msg = `Saved on this phone, but the server could not accept it: ${problemMessage(after.lastError)}`;
          day.setFormError(msg);
          announce(msg);
          focusSummary();
        } else if (getState().outbox.authRequired) {
          const msg = 'Saved on this phone. Sign in again to sync it.';
          day.setStatus(msg);
          announce(msg);
        } else {
          const msg = savedOfflineMessage(getState().outbox.pending);
          day.setStatus(msg);
          announce(msg);
        }
      }
    } catch (err) {
      const msg = err instanceof ApiError ? problemMessage(err.problem) : 'Could not save on this phone. Please try again.';
      day.setFormError(msg);
      announce(msg);
    } finally {
      setSaving(false);
    }
  }

  return { save, saving, summaryRef, guidanceHeading };
}
