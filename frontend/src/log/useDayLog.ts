// One day of the log on the page: read from the outbox, the phone's cache and the server, merged
// into the form, and kept in step with syncs that happen in the background.
//
// Rules (pinned by test/logForm.test.ts and the browser tests):
// - The outbox entry is the newest version of the day, then the cache, then the server. Each
//   source fills only what the patient has not touched on this visit to the day (formState.ts).
// - With nothing about the day on the phone, the form waits up to SERVER_WAIT_MS for the server,
//   so the guidance card does not push it down when it arrives (no layout shift).
// - A server answer asked for before a save is older than what was saved: it is dropped.
// - A background error does not replace what the patient changed since the last save.
// - A day not logged yet starts blank: answers of earlier days are only offered (`carry`, see
//   carryOver.ts), never filled in, so nothing the patient did not confirm today is sent.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, apiResponse } from '../api/client';
import { errorsByField, problemMessage, readProblem } from '../api/http';
import type { Guidance, LogBody, LogRecord, Prescription, RedFlag } from '../api/types';
import { addDays } from '../dates';
import { cacheLogResult, getCachedLogs, onSynced, outbox, setCachedLogs } from '../services';
import { useAppState } from '../store';
import type { OutboxEntry } from '../sync/outbox';
import { DECISION_LABEL } from '../words';
import { emptyLog, pickLogFields } from './body';
import { carryOver, type CarryOver } from './carryOver';
import { maybeTakeover, mergeLogs } from './day';
import { mergeIntoForm, TouchedByDate, viewFor, type FormView, type TouchKey, type Toggles } from './formState';
import { COMPONENT_TOGGLE, markDone, type PlanDone } from './plan';

/** With nothing for the day on this phone, how long the page waits for the server before showing the form. */
const SERVER_WAIT_MS = 1500;

/** The patient's edits. Each marks what it changed as touched: no source read later overwrites it. */
export interface LogEdits {
  field: <K extends keyof LogBody>(k: K) => (v: LogBody[K]) => void;
  toggle: (k: keyof Toggles) => (on: boolean) => void;
  flag: (flag: RedFlag, on: boolean) => void;
  more: () => void;
  /** "Done as prescribed", "Changed" (with the doses done) or undone (null), for one component of the plan. */
  plan: (rx: Prescription, done: PlanDone | null) => void;
}

export interface DayLog {
  /** The date this is the log of. */
  date: string;
  /** The day's saved answers have been read: until then a skeleton stands in for the form. */
  ready: boolean;
  /** The recent days (date strip, "This week", carried-over suggestions). */
  logs: LogRecord[];
  /** Earlier days' answers offered as "Same as yesterday" (shown while the field is empty, never sent unless tapped). */
  carry: CarryOver;
  view: FormView;
  guidance: Guidance | null;
  /** The day's outbox entry: saved on this phone, not yet accepted by the server. */
  entry: OutboxEntry | undefined;
  /** The server holds this day. */
  exists: boolean;
  /** The day as last saved (on the server or in the outbox): what the guidance was worked out from. */
  saved: LogBody | null;
  errors: Record<string, string>;
  formError: string | null;
  status: string | null;
  edit: LogEdits;
  setErrors: (e: Record<string, string>) => void;
  setFormError: (m: string | null) => void;
  setStatus: (m: string | null) => void;
  /** A save starts: server answers asked for until now are stale. */
  saveStarted: () => void;
  /** The save is in the outbox: nothing is unsaved any more. */
  saveQueued: (entry: OutboxEntry) => void;
  /** The outbox still holds the day after a sync (retrying, or needs attention). */
  stillQueued: (entry: OutboxEntry) => void;
  /** The server accepted the day; `guidance` is what it answered. */
  saveSent: (guidance: Guidance | null) => void;
}

export function useDayLog(date: string, today: string, valid: boolean): DayLog {
  const { outbox: outboxState } = useAppState();
  const [logs, setLogs] = useState<LogRecord[]>([]);
  const [view, setView] = useState<FormView>(() => viewFor(emptyLog()));
  const [guidance, setGuidance] = useState<Guidance | null>(null);
  const [entry, setEntry] = useState<OutboxEntry | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [exists, setExists] = useState(false);
  const [saved, setSaved] = useState<LogBody | null>(null);
  const [readyFor, setReadyFor] = useState<string | null>(null);
  /** What the patient touched on this visit, per date: no later source overwrites it. */
  const touched = useRef(new TouchedByDate());
  /** The date the day state (guidance, errors, status) belongs to. */
  const loadedDate = useRef<string | null>(null);
  /** Changed since the last save (then a background error does not replace the patient's edits). */
  const dirty = useRef(false);
  /** Counts saves: a server answer asked for before a save is older than what was saved. */
  const saves = useRef(0);

  // Load the day: outbox entry first (it is the newest), then the cache, then the server.
  useEffect(() => {
    if (!valid) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (loadedDate.current !== date) {
      // another day (not just the same day read again): start afresh
      loadedDate.current = date;
      dirty.current = false;
      setErrors({});
      setFormError(null);
      setStatus(null);
      setGuidance(null);
      setEntry(undefined);
      setExists(false);
      setSaved(null);
    }
    const applyBody = (b: LogBody) => setView((v) => mergeIntoForm(v, b, touched.current.for(date)));
    const reveal = () => {
      if (timer !== undefined) clearTimeout(timer);
      if (alive) setReadyFor(date);
    };

    (async () => {
      let cached: LogRecord[] = [];
      let queued: OutboxEntry | undefined;
      try {
        cached = await getCachedLogs();
        if (!alive) return;
        setLogs(cached);
        queued = await outbox.get(date);
        if (!alive) return;
      } catch {
        /* storage unavailable: start from a blank form */
      }
      const rec = cached.find((l) => l.log_date === date);
      if (queued) {
        setEntry(queued);
        setSaved(queued.body);
        applyBody(queued.body);
        if (queued.status === 'needs_attention') {
          setErrors(errorsByField(queued.lastError));
          setFormError(problemMessage(queued.lastError));
        }
      } else if (rec) {
        applyBody(pickLogFields(rec));
        setSaved(pickLogFields(rec));
        setGuidance(rec.guidance ?? null);
        setExists(true);
      } else applyBody(emptyLog());

      const online = navigator.onLine;
      // Nothing about this day on the phone: the server may still hold it (another phone, a fresh
      // sign-in). Wait briefly for its answer, so the guidance card does not push the form down.
      if (queued || rec || !online) reveal();
      else timer = setTimeout(reveal, SERVER_WAIT_MS);
      if (!online) return;

      // The list (date strip, suggestions) and the day are asked for together.
      const from = addDays(today, -41);
      const listDone = (async () => {
        try {
          const list = await api.get('/me/logs', { query: { from, to: today } });
          if (!alive) return cached;
          const merged = mergeLogs(cached, list.logs ?? []);
          setLogs(merged);
          await setCachedLogs(merged);
          return merged;
        } catch {
          return cached; /* offline or server trouble: the cached version stays */
        }
      })();
      if (queued) return;
      const savesBefore = saves.current;
      try {
        const res = await apiResponse.get('/me/logs/{log_date}', { path: { log_date: date } });
        if (!alive || saves.current !== savesBefore) return;
        if (res.ok) {
          const data = await res.json();
          if (!alive || saves.current !== savesBefore) return;
          applyBody(pickLogFields(data.log));
          setSaved(pickLogFields(data.log));
          setGuidance(data.guidance ?? null);
          setExists(true);
          reveal();
          await listDone; // the list is cached first, then this day with its guidance
          await cacheLogResult(date, data);
        } else if (res.status === 404) {
          setExists(false);
          reveal();
          applyBody(emptyLog());
        } else {
          const p = await readProblem(res);
          if (alive) setStatus(problemMessage(p));
        }
      } catch {
        /* offline or server trouble: the cached version stays */
      } finally {
        reveal();
      }
    })();
    return () => {
      alive = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [date, valid, today]);

  // A background sync (this tab, another tab or the service worker) delivered this day's guidance.
  useEffect(
    () =>
      onSynced((d, result) => {
        if (d !== date) return;
        setEntry(undefined);
        setGuidance(result.guidance ?? null);
        setSaved(pickLogFields(result.log));
        setExists(true);
        setStatus(`Synced. ${result.guidance ? `Guidance: ${DECISION_LABEL[result.guidance.decision] ?? ''}.` : ''}`);
        setLogs((prev) => mergeLogs(prev, [{ ...result.log, log_date: d, decision: result.guidance?.decision ?? null, guidance: result.guidance }]));
        maybeTakeover(d, result.guidance);
      }),
    [date],
  );

  // The outbox changed elsewhere (a background drain): reflect this day's entry and its errors.
  useEffect(() => {
    const cur = outboxState.entries.find((e) => e.date === date);
    if (!cur) return;
    if (entry && cur.rev === entry.rev && cur.status === entry.status && cur.attempts === entry.attempts) return;
    setEntry(cur);
    if (cur.status === 'needs_attention' && !dirty.current) {
      setStatus(null);
      setErrors(errorsByField(cur.lastError));
      setFormError(`Saved on this phone, but the server could not accept it: ${problemMessage(cur.lastError)}`);
    }
  }, [outboxState, date]);

  const touch = (key: TouchKey) => {
    dirty.current = true;
    touched.current.touch(date, key);
  };
  const edit: LogEdits = {
    field: (k) => (v) => {
      touch(k);
      setView((s) => ({ ...s, form: { ...s.form, [k]: v } }));
      if (errors[k]) setErrors((e) => ({ ...e, [k]: '' }));
    },
    toggle: (k) => (on) => {
      touch(`toggle:${k}`);
      setView((s) => ({ ...s, toggles: { ...s.toggles, [k]: on } }));
    },
    flag: (flag, on) => {
      touch(`flag:${flag}`);
      setView((s) => {
        const rest = s.form.red_flags.filter((x) => x !== flag);
        return { ...s, form: { ...s.form, red_flags: on ? [...rest, flag] : rest } };
      });
    },
    more: () => {
      // opening the optional questions is not an answer: it does not make the day unsaved
      touched.current.touch(date, 'more');
      setView((s) => ({ ...s, moreOpen: !s.moreOpen }));
    },
    plan: (rx, done) => {
      const t = COMPONENT_TOGGLE[rx.component];
      for (const k of ['performed', rx.component === 'tendon' ? 'loading_stage' : rx.component === 'neural' ? 'glide_type' : 'performed', ...(t ? [`toggle:${t}`] : [])] as TouchKey[]) touch(k);
      setView((s) => ({ ...s, ...markDone(s.form, s.toggles, rx, done) }));
    },
  };

  const carry = useMemo(() => carryOver(logs, date), [logs, date]);

  return {
    date,
    ready: readyFor === date,
    logs,
    carry,
    view,
    guidance,
    entry,
    exists,
    saved,
    errors,
    formError,
    status,
    edit,
    setErrors,
    setFormError,
    setStatus,
    saveStarted: () => {
      saves.current++;
    },
    saveQueued: (queued) => {
      setEntry(queued);
      setSaved(queued.body);
      dirty.current = false;
    },
    stillQueued: setEntry,
    saveSent: (g) => {
      setEntry(undefined);
      setExists(true);
      setGuidance(g);
    },
  };
}
