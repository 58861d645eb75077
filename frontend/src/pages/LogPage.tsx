import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addDays, friendlyDate, isIsoDate, lastNDays, monthName, shortLabel, todayIn, weekdayShort, dayNumber, formatTimestamp } from '../dates';
import { errorsByField, problemMessage, ApiError, readProblem } from '../api/http';
import { emptyLog, localReferral, pickLogFields, prefillFrom, validateLog } from '../log';
import { mergeIntoForm, TouchedByDate, viewFor, type FormView, type TouchKey, type Toggles } from '../logForm';
import type { OutboxEntry } from '../sync/outbox';
import { api, apiResponse } from '../api/client';
import {
  cacheLogResult,
  getCachedLogs,
  onSynced,
  outbox,
  registerBackgroundSync,
  setCachedLogs,
  syncNow,
} from '../services';
import { announce, getState, setState, useAppState } from '../store';
import { RED_FLAGS, type Decision, type Guidance, type LogBody, type LogRecord, type RedFlag } from '../api/types';
import { DECISION_LABEL, RED_FLAG_LABEL } from '../words';
import { DecisionBadge } from '../ui/Badges';
import { ActivitySection, OptionGroup, Stepper, scaleOptions } from '../ui/Fields';
import { GuidanceCard } from '../ui/GuidanceCard';
import { Alert } from '../ui/Icons';
import { Notice, PageTitle } from '../ui/Page';

const PAIN = scaleOptions(0, 10);
const WELL = scaleOptions(1, 7);
const PAIN_ANCHORS: [string, string] = ['0 = no pain', '10 = worst imaginable'];
const WELL_ANCHORS: [string, string] = ['1 = very good', '7 = very bad'];
const EDITABLE_DAYS = 14;
/** With nothing for the day on this phone, how long the page waits for the server before showing the form. */
const SERVER_WAIT_MS = 1500;

function decisionOf(l: LogRecord | undefined): Decision | null {
  if (!l) return null;
  return l.decision ?? l.guidance?.decision ?? null;
}

/** Today's log (or one of the last 14 days): big controls, activity sections behind toggles. */
export function LogPage({ date: dateParam }: { date?: string }) {
  const { me, online, outbox: outboxState } = useAppState();
  const today = todayIn(me?.timezone);
  const date = dateParam ?? today;
  const first = addDays(today, -(EDITABLE_DAYS - 1));
  const valid = isIsoDate(date) && date <= today && date >= first;

  const [logs, setLogs] = useState<LogRecord[]>([]);
  const [view, setView] = useState<FormView>(() => viewFor(emptyLog()));
  const { form, toggles, moreOpen } = view;
  const [guidance, setGuidance] = useState<Guidance | null>(null);
  const [entry, setEntry] = useState<OutboxEntry | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [exists, setExists] = useState(false);
  /** The date whose saved answers have been read: until then a skeleton stands in for the form. */
  const [readyFor, setReadyFor] = useState<string | null>(null);
  /** What the patient touched on this visit, per date: no later source overwrites it. */
  const touched = useRef(new TouchedByDate());
  /** The date the day state (guidance, errors, status) belongs to. */
  const loadedDate = useRef<string | null>(null);
  /** Changed since the last save (then a background error does not replace the patient's edits). */
  const dirty = useRef(false);
  const guidanceHeading = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusGuidance = useRef(false);
  /** Counts saves: a server answer asked for before a save is older than what was saved. */
  const saves = useRef(0);

  // Load the day: outbox entry first (it is the newest), then the cache, then the server. Each
  // source fills only what the patient has not touched on this visit to the day.
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
    }
    const applyBody = (b: LogBody) => setView((v) => mergeIntoForm(v, b, touched.current.for(date)));
    const reveal = () => {
      if (timer !== undefined) clearTimeout(timer);
      if (alive) setReadyFor(date);
    };
    const blankWithPrefill = (list: LogRecord[]) => {
      const b = emptyLog();
      Object.assign(b, prefillFrom(list, date));
      return b;
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
        applyBody(queued.body);
        if (queued.status === 'needs_attention') {
          setErrors(errorsByField(queued.lastError));
          setFormError(problemMessage(queued.lastError));
        }
      } else if (rec) {
        applyBody(pickLogFields(rec));
        setGuidance(rec.guidance ?? null);
        setExists(true);
      } else applyBody(blankWithPrefill(cached));

      const online = navigator.onLine;
      // Nothing about this day on the phone: the server may still hold it (another phone, a fresh
      // sign-in). Wait briefly for its answer, so the guidance card does not push the form down.
      if (queued || rec || !online) reveal();
      else timer = setTimeout(reveal, SERVER_WAIT_MS);
      if (!online) return;

      // The list (date strip, prefill) and the day are asked for together.
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
          setGuidance(data.guidance ?? null);
          setExists(true);
          reveal();
          await listDone; // the list is cached first, then this day with its guidance
          await cacheLogResult(date, data);
        } else if (res.status === 404) {
          setExists(false);
          reveal();
          const merged = await listDone;
          if (alive && saves.current === savesBefore) applyBody(blankWithPrefill(merged));
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

  useEffect(() => {
    if (focusGuidance.current && guidance) {
      focusGuidance.current = false;
      guidanceHeading.current?.focus();
      guidanceHeading.current?.scrollIntoView({ block: 'start' });
    }
  }, [guidance]);

  const queuedDates = useMemo(() => new Set(outboxState.entries.map((e) => e.date)), [outboxState]);
  const byDate = useMemo(() => new Map(logs.map((l) => [l.log_date, l])), [logs]);

  if (!valid) {
    return (
      <>
        <PageTitle title="Log">Log</PageTitle>
        <Notice kind="warn">
          <p>You can log or edit only the last {EDITABLE_DAYS} days.</p>
          <p>
            <a href="/">Go to today’s log</a>
          </p>
        </Notice>
      </>
    );
  }

  const touch = (key: TouchKey) => {
    dirty.current = true;
    touched.current.touch(date, key);
  };

  const set = <K extends keyof LogBody>(k: K) => (v: LogBody[K]) => {
    touch(k);
    setView((s) => ({ ...s, form: { ...s.form, [k]: v } }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: '' }));
  };

  const toggle = (k: keyof Toggles) => (on: boolean) => {
    touch(`toggle:${k}`);
    setView((s) => ({ ...s, toggles: { ...s.toggles, [k]: on } }));
  };

  const toggleFlag = (flag: RedFlag, on: boolean) => {
    touch(`flag:${flag}`);
    setView((s) => {
      const rest = s.form.red_flags.filter((x) => x !== flag);
      return { ...s, form: { ...s.form, red_flags: on ? [...rest, flag] : rest } };
    });
  };

  const toggleMore = () => {
    touched.current.touch(date, 'more');
    setView((s) => ({ ...s, moreOpen: !s.moreOpen }));
  };

  function buildBody(): LogBody {
    const b: LogBody = { ...form, red_flags: RED_FLAGS.filter((f) => form.red_flags.includes(f)) };
    if (!toggles.loading) {
      b.loading_pain = null;
      b.loading_stage = null;
    }
    if (!toggles.running) {
      b.sprint_pain = null;
      b.sprint_speed_pct = null;
    }
    if (!toggles.glides) {
      b.glide_pain = null;
      b.glide_type = null;
      b.paresthesia = null;
    }
    return pickLogFields(b);
  }

  function check(b: LogBody): Record<string, string> {
    const errs = validateLog(b);
    if (toggles.loading && b.loading_pain === null)
      errs.loading_pain = 'Choose your pain during loading (0 if none), or switch off “I did loading exercises today”.';
    if (toggles.running && b.sprint_pain === null)
      errs.sprint_pain = 'Choose your pain while running (0 if none), or switch off “I ran today”.';
    if (toggles.glides && b.glide_pain === null)
      errs.glide_pain = 'Choose the pain from the glides (0 if none), or switch off “I did nerve glides today”.';
    const anything = Object.entries(b).some(([k, v]) => (k === 'red_flags' ? (v as string[]).length > 0 : v !== null));
    if (!anything) errs.morning_pain = 'Answer at least one question before saving.';
    return errs;
  }

  async function save(e: Event) {
    e.preventDefault();
    if (saving) return;
    const body = buildBody();
    const errs = check(body);
    setErrors(errs);
    setStatus(null);
    if (Object.keys(errs).length) {
      setFormError('Please check the highlighted answers.');
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setFormError(null);
    setSaving(true);
    saves.current++;
    setState({ lastAck: null });
    try {
      const queued = await outbox.queue(date, body);
      setEntry(queued);
      dirty.current = false;
      const lr = localReferral(body.red_flags);
      if (lr === 'emergency' || lr === 'urgent') setState({ takeover: { level: lr, date, reasons: [] } });

      if (!navigator.onLine) {
        const n = (await outbox.state()).pending;
        const msg = savedOfflineMessage(n);
        setStatus(msg);
        announce(msg);
        void registerBackgroundSync();
        return;
      }
      await syncNow('save');
      const after = await outbox.get(date);
      if (!after) {
        const rec = (await getCachedLogs()).find((l) => l.log_date === date);
        setEntry(undefined);
        setExists(true);
        const g = rec?.guidance ?? null;
        focusGuidance.current = true;
        setGuidance(g);
        const msg = g ? `Saved. Today’s guidance: ${DECISION_LABEL[g.decision] ?? g.decision}.` : 'Saved.';
        setStatus(msg);
        announce(msg);
        maybeTakeover(date, g);
      } else {
        setEntry(after);
        if (after.status === 'needs_attention') {
          setErrors(errorsByField(after.lastError));
          const msg = `Saved on this phone, but the server could not accept it: ${problemMessage(after.lastError)}`;
          setFormError(msg);
          announce(msg);
          requestAnimationFrame(() => summaryRef.current?.focus());
        } else if (getState().outbox.authRequired) {
          const msg = 'Saved on this phone. Sign in again to sync it.';
          setStatus(msg);
          announce(msg);
        } else {
          const msg = savedOfflineMessage(getState().outbox.pending);
          setStatus(msg);
          announce(msg);
        }
      }
    } catch (err) {
      const msg = err instanceof ApiError ? problemMessage(err.problem) : 'Could not save on this phone. Please try again.';
      setFormError(msg);
      announce(msg);
    } finally {
      setSaving(false);
    }
  }

  const title = date === today ? 'Today’s log' : `Log for ${shortLabel(date)}`;
  const emergencyTicked = form.red_flags.some((f) => f === 'saddle_numbness' || f === 'bladder_bowel_change' || f === 'both_legs');
  const urgentTicked = form.red_flags.some((f) => f === 'new_weakness' || f === 'pop_with_bruising');
  const errorList = Object.entries(errors).filter(([, m]) => m);

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p class="muted subtitle">{friendlyDate(date, today) === 'Today' ? friendlyDate(date) : friendlyDate(date, today)}</p>

      <nav class="datestrip" aria-label="Choose a day to log">
        <ul>
          {lastNDays(today, EDITABLE_DAYS).map((d) => {
            const rec = byDate.get(d);
            const queued = queuedDates.has(d);
            const dec = decisionOf(rec);
            const state = queued ? 'waiting to sync' : rec ? 'logged' : 'not logged';
            return (
              <li key={d}>
                <a
                  href={d === today ? '/' : `/log/${d}`}
                  class={`day${d === date ? ' day-current' : ''}${rec ? ' day-logged' : ''}${queued ? ' day-queued' : ''}${dec ? ` day-${dec}` : ''}`}
                  aria-current={d === date ? 'date' : undefined}
                >
                  {d === today && <span class="sr-only">Today, </span>}
                  <span class="day-wd">{weekdayShort(d)}</span>{' '}
                  <span class="day-n">{dayNumber(d)}</span>
                  <span class="sr-only">{` ${monthName(d)}, ${state}`}</span>
                  <span class="day-mark" />
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      {readyFor !== date ? (
        <LogSkeleton />
      ) : (
        <>
          {entry && entry.status === 'pending' && (
            <Notice kind="info">
              <p>
                <strong>This day is saved on this phone and waiting to sync.</strong>{' '}
                {online ? 'It will be sent shortly.' : 'It will be sent when you are back online.'} Guidance appears once it has synced.
              </p>
            </Notice>
          )}

          {guidance && !entry && (
            <GuidanceCard guidance={guidance} title={date === today ? 'Today’s guidance' : `Guidance for ${shortLabel(date)}`} headingRef={guidanceHeading} />
          )}
          {!guidance && exists && !entry && (
            <p class="muted">No guidance is available for this day yet.</p>
          )}

          <form class="logform" onSubmit={save} noValidate aria-labelledby="logform-title">
            <h2 id="logform-title" class="sr-only">
              {exists ? 'Edit your answers' : 'Your answers'}
            </h2>
            {formError && (
              <div class="notice notice-error" role="alert" tabIndex={-1} ref={summaryRef} id="form-errors">
                <p>
                  <strong>{formError}</strong>
                </p>
                {errorList.length > 0 && (
                  <ul>
                    {errorList.map(([k, m]) => (
                      <li key={k}>
                        <a href={`#${fieldAnchor(k)}`} onClick={(e) => focusField(e, fieldAnchor(k))}>
                          {m}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}

            <section class="card" aria-labelledby="pain-h">
              <h2 id="pain-h" class="h-section">
                Pain
              </h2>
              <OptionGroup
                id="morning_pain"
                label="Morning pain"
                hint="Pain or stiffness when you woke up (or in your morning test)."
                options={PAIN}
                numeric
                anchors={PAIN_ANCHORS}
                value={form.morning_pain}
                onChange={set('morning_pain')}
                error={errors.morning_pain}
              />
              <OptionGroup
                id="sitting_pain"
                label="Sitting pain"
                hint="The worst pain while sitting today."
                options={PAIN}
                numeric
                anchors={PAIN_ANCHORS}
                value={form.sitting_pain}
                onChange={set('sitting_pain')}
                error={errors.sitting_pain}
              />
              <Stepper
                id="sitting_tolerance_min"
                label="Sitting tolerance (minutes)"
                noun="sitting tolerance"
                unit="minutes"
                hint="How long you can sit before the pain rises."
                step={15}
                min={0}
                max={720}
                value={form.sitting_tolerance_min}
                onChange={set('sitting_tolerance_min')}
                error={errors.sitting_tolerance_min}
              />
            </section>

            <ActivitySection id="loading" heading="Loading" toggleLabel="I did loading exercises today" on={toggles.loading} onToggle={toggle('loading')}>
              <OptionGroup
                id="loading_pain"
                label="Pain during loading"
                hint="The worst pain during today’s loading session."
                options={PAIN}
                numeric
                anchors={PAIN_ANCHORS}
                value={form.loading_pain}
                onChange={set('loading_pain')}
                error={errors.loading_pain}
              />
              <OptionGroup
                id="loading_stage"
                label="Loading stage"
                options={[
                  { value: 1, label: '1 · Isometric holds' },
                  { value: 2, label: '2 · Slow strength, small hip bend' },
                  { value: 3, label: '3 · Slow strength, deeper hip bend' },
                  { value: 4, label: '4 · Springy / jumping' },
                ]}
                value={form.loading_stage}
                onChange={set('loading_stage')}
                error={errors.loading_stage}
              />
            </ActivitySection>

            <ActivitySection id="running" heading="Running" toggleLabel="I ran today" on={toggles.running} onToggle={toggle('running')}>
              <OptionGroup
                id="sprint_pain"
                label="Pain while running"
                hint="The worst pain during today’s run."
                options={PAIN}
                numeric
                anchors={PAIN_ANCHORS}
                value={form.sprint_pain}
                onChange={set('sprint_pain')}
                error={errors.sprint_pain}
              />
              <Stepper
                id="sprint_speed_pct"
                label="Top speed (% of your fastest)"
                noun="top speed"
                unit="percent"
                hint="Jog is under 70%, tempo 70–85%, fast 85–95%, sprint over 95%."
                step={5}
                min={0}
                max={100}
                value={form.sprint_speed_pct}
                onChange={set('sprint_speed_pct')}
                error={errors.sprint_speed_pct}
              />
            </ActivitySection>

            <ActivitySection id="glides" heading="Nerve glides" toggleLabel="I did nerve glides today" on={toggles.glides} onToggle={toggle('glides')}>
              <OptionGroup
                id="glide_pain"
                label="Pain from the glides"
                options={PAIN}
                numeric
                anchors={PAIN_ANCHORS}
                value={form.glide_pain}
                onChange={set('glide_pain')}
                error={errors.glide_pain}
              />
              <OptionGroup
                id="glide_type"
                label="Type of glide"
                options={[
                  { value: 'slider', label: 'Slider (gentler)' },
                  { value: 'tensioner', label: 'Tensioner (stronger)' },
                ]}
                value={form.glide_type}
                onChange={set('glide_type')}
                error={errors.glide_type}
              />
              <OptionGroup
                id="paresthesia"
                label="Tingling or pins and needles"
                options={[
                  { value: 'none', label: 'None' },
                  { value: 'settled', label: 'Gone within 30 minutes' },
                  { value: 'lasting', label: 'Lasted over 30 minutes' },
                ]}
                value={form.paresthesia}
                onChange={set('paresthesia')}
                error={errors.paresthesia}
              />
            </ActivitySection>

            <section class="card" aria-labelledby="leg-h">
              <h2 id="leg-h" class="h-section">
                Leg symptoms
              </h2>
              <OptionGroup
                id="symptom_extent"
                label="How far down the leg did symptoms reach today?"
                options={[
                  { value: 'none', label: 'No leg symptoms' },
                  { value: 'buttock', label: 'Buttock' },
                  { value: 'thigh', label: 'Thigh' },
                  { value: 'below_knee', label: 'Below the knee' },
                  { value: 'foot', label: 'Foot' },
                ]}
                value={form.symptom_extent}
                onChange={set('symptom_extent')}
                error={errors.symptom_extent}
              />
            </section>

            <section class="card redflags" aria-labelledby="rf-h">
              <h2 id="rf-h" class="h-section">
                Warning signs
              </h2>
              <fieldset class="field" aria-describedby="rf-hint">
                <legend class="label">Do you have any of these today?</legend>
                <p id="rf-hint" class="hint">
                  Tick any that apply. Most days there are none.
                </p>
                <ul class="checklist">
                  {RED_FLAGS.map((f) => (
                    <li key={f}>
                      <input
                        type="checkbox"
                        id={`rf-${f}`}
                        checked={form.red_flags.includes(f)}
                        onChange={(e) => toggleFlag(f, (e.currentTarget as HTMLInputElement).checked)}
                      />
                      <label for={`rf-${f}`}>{RED_FLAG_LABEL[f]}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              {emergencyTicked && (
                <div class="notice notice-danger" role="alert">
                  <Alert />
                  <p>
                    <strong>If you have this now, seek emergency care straight away.</strong> Don’t wait for the app.
                  </p>
                </div>
              )}
              {!emergencyTicked && urgentTicked && (
                <div class="notice notice-warn" role="alert">
                  <Alert />
                  <p>
                    <strong>Contact your clinician today.</strong> Don’t train until you have been seen.
                  </p>
                </div>
              )}
            </section>

            <section class="card" aria-labelledby="more-h">
              <h2 id="more-h" class="h-section">
                <button type="button" class="disclosure" aria-expanded={moreOpen} aria-controls="more-fields" onClick={toggleMore}>
                  Sleep, fatigue, stress and training (optional)
                </button>
              </h2>
              {moreOpen && (
                <div id="more-fields">
                  <OptionGroup id="sleep" label="Sleep" options={WELL} numeric anchors={WELL_ANCHORS} value={form.sleep} onChange={set('sleep')} error={errors.sleep} />
                  <OptionGroup id="fatigue" label="Fatigue" options={WELL} numeric anchors={WELL_ANCHORS} value={form.fatigue} onChange={set('fatigue')} error={errors.fatigue} />
                  <OptionGroup id="stress" label="Stress" options={WELL} numeric anchors={WELL_ANCHORS} value={form.stress} onChange={set('stress')} error={errors.stress} />
                  <OptionGroup id="soreness" label="Muscle soreness" options={WELL} numeric anchors={WELL_ANCHORS} value={form.soreness} onChange={set('soreness')} error={errors.soreness} />
                  <OptionGroup
                    id="session_rpe"
                    label="How hard was today’s training?"
                    options={PAIN}
                    numeric
                    anchors={['0 = rest', '10 = maximal']}
                    value={form.session_rpe}
                    onChange={set('session_rpe')}
                    error={errors.session_rpe}
                  />
                  <Stepper
                    id="session_min"
                    label="Training time (minutes)"
                    noun="training time"
                    unit="minutes"
                    step={15}
                    min={0}
                    max={600}
                    value={form.session_min}
                    onChange={set('session_min')}
                    error={errors.session_min}
                  />
                </div>
              )}
            </section>

            <section class="card" aria-labelledby="notes-h">
              <h2 id="notes-h" class="h-section">
                Notes
              </h2>
              <div class={`field${errors.notes ? ' has-error' : ''}`}>
                <label for="notes" class="label">
                  Notes (optional)
                </label>
                <textarea
                  id="notes"
                  rows={3}
                  maxLength={2000}
                  value={form.notes ?? ''}
                  aria-describedby="notes-count"
                  onInput={(e) => set('notes')((e.currentTarget as HTMLTextAreaElement).value || null)}
                />
                <p id="notes-count" class="hint">
                  {(form.notes ?? '').length} of 2000 characters
                </p>
                {errors.notes && <p class="error">{errors.notes}</p>}
              </div>
            </section>

            <div class="savebar">
              <button type="submit" class="btn btn-primary btn-block btn-save" disabled={saving}>
                {saving ? 'Saving…' : 'Save log'}
              </button>
              {status && <p class="save-status">{status}</p>}
              {entry?.lastAttemptAt && entry.status === 'pending' && (
                <p class="hint">Last try {formatTimestamp(entry.lastAttemptAt)}.</p>
              )}
            </div>
          </form>
          {logs.length > 0 && <RecentDecisions logs={logs} today={today} />}
        </>
      )}
    </>
  );
}

/** Stands in for the guidance card and the form until the day has been read (no layout shift). */
function LogSkeleton() {
  return (
    <div class="log-skeleton" aria-busy="true">
      <p class="sr-only">Loading your answers…</p>
      <div class="skeleton-block skeleton-card" aria-hidden="true" />
      <div class="skeleton-block skeleton-card" aria-hidden="true" />
    </div>
  );
}

function RecentDecisions({ logs, today }: { logs: LogRecord[]; today: string }) {
  const recent = logs.filter((l) => l.log_date <= today && l.log_date > addDays(today, -7)).slice(-7).reverse();
  if (recent.length === 0) return null;
  return (
    <section class="card" aria-labelledby="recent-h">
      <h2 id="recent-h" class="h-section">
        This week
      </h2>
      <ul class="daylist">
        {recent.map((l) => (
          <li key={l.log_date}>
            <a href={l.log_date === today ? '/' : `/log/${l.log_date}`}>{friendlyDate(l.log_date, today) === 'Today' ? 'Today' : shortLabel(l.log_date)}</a>
            <DecisionBadge decision={decisionOf(l)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function fieldAnchor(k: string): string {
  if (k === 'sitting_tolerance_min' || k === 'sprint_speed_pct' || k === 'session_min' || k === 'notes') return k;
  if ((RED_FLAGS as readonly string[]).includes(k)) return `rf-${k}`;
  return k;
}

/** Error-summary links move focus into the field itself (the checked radio, or the first one). */
function focusField(e: Event, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  const target =
    el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  target.focus();
  el.scrollIntoView({ block: 'center' });
}

function savedOfflineMessage(n: number): string {
  const last = getState().outbox.lastSyncAt;
  return `Saved on this phone — waiting to sync (${n}). ${last ? `Last synced ${formatTimestamp(last)}.` : 'Not synced yet.'}`;
}

function maybeTakeover(date: string, g: Guidance | null | undefined): void {
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

function mergeLogs(a: LogRecord[], b: LogRecord[]): LogRecord[] {
  const m = new Map<string, LogRecord>();
  for (const l of a) m.set(l.log_date, l);
  for (const l of b) m.set(l.log_date, { ...m.get(l.log_date), ...l, guidance: l.guidance ?? m.get(l.log_date)?.guidance ?? null });
  return [...m.values()].sort((x, y) => (x.log_date < y.log_date ? -1 : 1));
}
