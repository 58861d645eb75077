import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, NetworkError, problemMessage, readProblem } from '../api/http';
import { apiResponse } from '../api/client';
import { friendlyDate } from '../dates';
import { getCachedLogs, outbox, setCachedLogs } from '../services';
import { announce } from '../store';
import { Notice } from '../ui/Page';

/** "Delete" on a History row: asks first (Escape or "Keep it" closes the question and focus goes
 * back to "Delete"), then DELETE /me/logs/{date} (the server recomputes later days' guidance)
 * and drops the day from this phone's cache and outbox. */
export function DeleteDay({ date, onDeleted }: { date: string; onDeleted: (date: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const day = friendlyDate(date);
  const askRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Focus follows the question: onto "Keep it" when it opens, back to "Delete" when it closes.
  useEffect(() => {
    if (asking) keepRef.current?.focus(); // the safe answer first: a stray Enter deletes nothing
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      // Under the outbox's lock: an edit of this day still waiting to sync is dropped once the
      // day is deleted, so it cannot bring the day back.
      await outbox.withdraw(date, async () => {
        const res = await apiResponse.delete('/me/logs/{log_date}', { path: { log_date: date } });
        if (!res.ok && res.status !== 404) throw new ApiError(res.status, await readProblem(res));
      });
      await setCachedLogs((await getCachedLogs()).filter((l) => l.log_date !== date));
      announce(`The log for ${day} was deleted.`);
      onDeleted(date);
    } catch (e) {
      setError(e instanceof NetworkError ? 'You are offline. Deleting a day needs a connection.' : e instanceof ApiError ? problemMessage(e.problem) : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  }

  if (!asking)
    return (
      <button ref={askRef} type="button" class="btn-link" aria-label={`Delete the log for ${day}`} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  return (
    <div
      class="confirm"
      role="group"
      aria-label={`Delete the log for ${day}?`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) setAsking(false);
      }}
    >
      {error && <Notice kind="error">{error}</Notice>}
      <p>Delete everything you logged for {day}? The guidance for the days after it is worked out again. This cannot be undone.</p>
      <div class="btn-row">
        <button type="button" class="btn btn-small btn-danger" aria-disabled={busy ? 'true' : undefined} onClick={() => busy || void run()}>
          Yes, delete {day}
        </button>
        <button ref={keepRef} type="button" class="btn btn-small" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
