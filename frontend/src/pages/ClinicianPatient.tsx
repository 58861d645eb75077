import { useEffect, useMemo, useState } from 'preact/hooks';
import { addDays, formatTimestamp, friendlyDate, lastNDays, shortLabel, todayIn } from '../dates';
import { ApiError, NetworkError, errorsByField, problemMessage } from '../http';
import { apiJson } from '../services';
import { announce } from '../store';
import type { Decision, Reason, Referral } from '../types';
import { PHASES, RED_FLAG_LABEL, THRESHOLDS, phaseName } from '../words';
import { DecisionBadge, ReferralBadge } from '../ui/Badges';
import { SeverityIcon } from '../ui/Icons';
import { Notice, PageTitle } from '../ui/Page';
import { PainChart } from '../ui/PainChart';

type Obj = Record<string, unknown>;

interface DayView {
  date: string;
  log: Obj | null;
  decision: Decision | null;
  referral: Referral;
  reasons: Reason[];
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function asDecision(v: unknown): Decision | null {
  if (v === 'progress' || v === 'hold' || v === 'back_off') return v;
  if (isObj(v)) return asDecision(v.decision);
  return null;
}
function asReferral(v: unknown): Referral {
  return v === 'routine' || v === 'soon' || v === 'urgent' || v === 'emergency' ? v : null;
}
function asReasons(v: unknown): Reason[] {
  return arr(v)
    .filter(isObj)
    .map((r) => ({
      rule: str(r.rule) ?? '',
      component: (str(r.component) ?? 'all') as Reason['component'],
      severity: (str(r.severity) ?? 'info') as Reason['severity'],
      message: str(r.message) ?? '',
    }))
    .filter((r) => r.message || r.rule);
}
function dateOf(o: Obj): string | null {
  return str(o.log_date) ?? str(o.date) ?? str(o.for_date) ?? null;
}

/** Pulls days out of whatever shape the detail endpoint returns. */
function buildDays(data: Obj): DayView[] {
  const byDate = new Map<string, DayView>();
  const get = (d: string) => {
    let v = byDate.get(d);
    if (!v) {
      v = { date: d, log: null, decision: null, referral: null, reasons: [] };
      byDate.set(d, v);
    }
    return v;
  };
  for (const l of arr(data.logs).filter(isObj)) {
    const d = dateOf(l);
    if (!d) continue;
    const v = get(d);
    v.log = l;
    const g = isObj(l.guidance) ? l.guidance : null;
    v.decision = asDecision(l.decision) ?? asDecision(g?.decision) ?? v.decision;
    v.referral = asReferral(l.referral) ?? asReferral(g?.referral) ?? asReferral(isObj(l.decision) ? l.decision.referral : null);
    const rs = asReasons(l.reasons ?? g?.reasons ?? (isObj(l.decision) ? l.decision.reasons : null));
    if (rs.length) v.reasons = rs;
  }
  for (const dec of arr(data.decisions).filter(isObj)) {
    const d = dateOf(dec);
    if (!d) continue;
    if (dec.superseded === true || dec.is_current === false) continue;
    const v = get(d);
    const inner = isObj(dec.guidance) ? dec.guidance : isObj(dec.output) ? dec.output : dec;
    v.decision = asDecision(inner.decision) ?? v.decision;
    v.referral = asReferral(inner.referral) ?? v.referral;
    const rs = asReasons(inner.reasons);
    if (rs.length) v.reasons = rs;
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}

const SCORE_FIELDS: [string, string][] = [
  ['morning_pain', 'Morning'],
  ['sitting_pain', 'Sitting'],
  ['loading_pain', 'Loading'],
  ['sprint_pain', 'Running'],
  ['glide_pain', 'Glides'],
];

export default function ClinicianPatientPage({ id }: { id: string }) {
  const [data, setData] = useState<Obj | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<string>('');
  const [thr, setThr] = useState<Record<string, string>>({});
  const [saveMsg, setSaveMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fe, setFe] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function load() {
    try {
      const d = await apiJson<Obj>(`/clinician/patients/${encodeURIComponent(id)}`);
      setData(d);
      setError(null);
      const prof = isObj(d.profile) ? d.profile : {};
      setPhase(num(prof.phase ?? d.phase) !== null ? String(num(prof.phase ?? d.phase)) : '');
      const t = isObj(d.thresholds) ? d.thresholds : isObj(prof.thresholds) ? prof.thresholds : {};
      const next: Record<string, string> = {};
      for (const k of new Set([...THRESHOLDS.map((x) => x.key), ...Object.keys(t)])) {
        const v = num(t[k]);
        next[k] = v === null ? '' : String(v);
      }
      setThr(next);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setError('This patient was not found, or you no longer have access.');
      else if (e instanceof NetworkError) setError('You are offline. Connect to see this patient.');
      else setError(e instanceof ApiError ? problemMessage(e.problem) : 'Could not load this patient.');
    }
  }

  useEffect(() => {
    void load();
  }, [id]);

  const profile = data && isObj(data.profile) ? data.profile : {};
  const name = str(profile.display_name) ?? str(data?.display_name) ?? 'Patient';
  const tz = str(profile.timezone);
  const today = todayIn(tz);
  const days = useMemo(() => (data ? buildDays(data) : []), [data]);
  const series = useMemo(() => {
    const dates = lastNDays(today, 28);
    const by = new Map(days.map((d) => [d.date, d.log]));
    return {
      dates,
      morning: dates.map((d) => num(by.get(d)?.morning_pain)),
      sitting: dates.map((d) => num(by.get(d)?.sitting_pain)),
    };
  }, [days, today]);
  const history = data ? arr(data.threshold_history).filter(isObj) : [];
  const currentThresholds = data && isObj(data.thresholds) ? data.thresholds : {};

  async function save(e: Event) {
    e.preventDefault();
    setSaveMsg(null);
    setFe({});
    const body: { phase?: number; thresholds?: Record<string, number> } = {};
    const curPhase = num(profile.phase ?? data?.phase);
    if (phase !== '' && Number(phase) !== curPhase) body.phase = Number(phase);
    const changed: Record<string, number> = {};
    const errs: Record<string, string> = {};
    for (const [k, v] of Object.entries(thr)) {
      if (v.trim() === '') continue;
      const n = Number(v);
      if (!Number.isFinite(n)) {
        errs[k] = 'Enter a number.';
        continue;
      }
      if (n !== num(currentThresholds[k])) changed[k] = n;
    }
    if (Object.keys(errs).length) {
      setFe(errs);
      return;
    }
    if (Object.keys(changed).length) body.thresholds = changed;
    if (!Object.keys(body).length) {
      setSaveMsg({ kind: 'ok', text: 'Nothing changed.' });
      return;
    }
    setSaving(true);
    try {
      await apiJson(`/clinician/patients/${encodeURIComponent(id)}`, { method: 'PATCH', json: body });
      setSaveMsg({ kind: 'ok', text: 'Saved. The change is recorded with your name and the time.' });
      announce('Plan saved.');
      await load();
    } catch (err) {
      if (err instanceof ApiError) setFe(errorsByField(err.problem));
      setSaveMsg({ kind: 'error', text: err instanceof NetworkError ? 'You are offline.' : err instanceof ApiError ? problemMessage(err.problem) : 'Could not save.' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <p class="crumbs">
        <a href="/clinician">← All patients</a>
      </p>
      <PageTitle title={name}>{name}</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <p class="loading">Loading…</p>}
      {data && (
        <>
          <section class="card" aria-labelledby="sum-h">
            <h2 id="sum-h" class="h-section">
              Summary
            </h2>
            <p>
              <strong>{phaseName(num(profile.phase ?? data.phase))}</strong>
              {str(profile.phase_started_on) ? ` since ${friendlyDate(str(profile.phase_started_on)!)}` : ''}
            </p>
            {days[0] && (
              <p class="row-gap">
                Latest ({shortLabel(days[0].date)}): <DecisionBadge decision={days[0].decision} /> <ReferralBadge referral={days[0].referral} />
              </p>
            )}
          </section>

          <section class="card" aria-labelledby="chart-h">
            <h2 id="chart-h" class="h-section">
              Morning and sitting pain, last 28 days
            </h2>
            <PainChart data={series} label={`Chart of ${name}'s morning and sitting pain over the last 28 days. Daily values are listed below.`} />
          </section>

          <section class="card" aria-labelledby="days-h">
            <h2 id="days-h" class="h-section">
              Daily decisions
            </h2>
            {days.length === 0 ? (
              <p class="muted">No logs yet.</p>
            ) : (
              <ul class="historylist">
                {days.filter((d) => d.date >= addDays(today, -27)).map((d) => (
                  <li key={d.date}>
                    <div class="hl-head">
                      <strong>{shortLabel(d.date)}</strong>
                      <span class="row-gap">
                        <DecisionBadge decision={d.decision} />
                        <ReferralBadge referral={d.referral} />
                      </span>
                    </div>
                    {d.log && (
                      <p class="hl-values">
                        {SCORE_FIELDS.map(([k, label]) => (num(d.log![k]) === null ? null : `${label} ${num(d.log![k])}/10`))
                          .filter(Boolean)
                          .join(' · ') || 'No pain scores'}
                        {num(d.log.sitting_tolerance_min) !== null ? ` · Sits ${num(d.log.sitting_tolerance_min)} min` : ''}
                      </p>
                    )}
                    {d.log && arr(d.log.red_flags).length > 0 && (
                      <p class="error">
                        Red flags: {arr(d.log.red_flags).map((f) => RED_FLAG_LABEL[f as keyof typeof RED_FLAG_LABEL] ?? String(f)).join('; ')}
                      </p>
                    )}
                    {d.reasons.length > 0 && (
                      <ul class="reasons">
                        {d.reasons.map((r, i) => (
                          <li key={i} class={`reason sev-${r.severity}`}>
                            <SeverityIcon severity={r.severity} />
                            <span>
                              {r.rule && <code>{r.rule}</code>} {r.message}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                    {d.log && str(d.log.notes) && <p class="note">“{str(d.log.notes)}”</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="card" aria-labelledby="plan-h">
            <h2 id="plan-h" class="h-section">
              Phase and thresholds
            </h2>
            <form class="stack" onSubmit={save} noValidate>
              {saveMsg && <Notice kind={saveMsg.kind}>{saveMsg.text}</Notice>}
              <div class="field">
                <label class="label" for="plan-phase">
                  Phase
                </label>
                <select id="plan-phase" value={phase} onChange={(e) => setPhase((e.currentTarget as HTMLSelectElement).value)}>
                  {phase === '' && <option value="">Not set</option>}
                  {PHASES.map((p) => (
                    <option key={p.phase} value={String(p.phase)}>
                      {p.phase}. {p.name}
                    </option>
                  ))}
                </select>
                {fe.phase && <p class="error">{fe.phase}</p>}
              </div>
              <div class="threshold-grid">
                {Object.keys(thr).map((k) => {
                  const meta = THRESHOLDS.find((t) => t.key === k);
                  return (
                    <div class="field" key={k}>
                      <label class="label" for={`thr-${k}`}>
                        {meta?.label ?? k.replace(/_/g, ' ')}
                      </label>
                      {meta && (
                        <p class="hint" id={`thr-${k}-hint`}>
                          Default {meta.def}
                        </p>
                      )}
                      <input
                        id={`thr-${k}`}
                        type="number"
                        inputMode="decimal"
                        min={meta?.min}
                        max={meta?.max}
                        value={thr[k]}
                        aria-describedby={meta ? `thr-${k}-hint` : undefined}
                        aria-invalid={fe[k] ? 'true' : undefined}
                        onInput={(e) => setThr({ ...thr, [k]: (e.currentTarget as HTMLInputElement).value })}
                      />
                      {fe[k] && <p class="error">{fe[k]}</p>}
                    </div>
                  );
                })}
              </div>
              <button type="submit" class="btn btn-primary" disabled={saving}>
                {saving ? 'Saving…' : 'Save plan'}
              </button>
            </form>
            {history.length > 0 && (
              <details class="past">
                <summary>Change history ({history.length})</summary>
                <ul class="plain">
                  {history.map((h, i) => {
                    const when = str(h.changed_at) ?? str(h.created_at) ?? str(h.at) ?? '';
                    const from = str(h.effective_on) ?? str(h.effective_from);
                    const by = str(h.changed_by_name) ?? str(h.changed_by) ?? str(h.by) ?? '';
                    const vals = isObj(h.values) ? h.values : isObj(h.thresholds) ? h.thresholds : h;
                    const phaseText = num(h.phase) !== null ? `phase ${num(h.phase)}; ` : '';
                    const text = phaseText + Object.entries(vals)
                      .filter(([k, v]) => typeof v === 'number' || (k === 'phase' && v !== null))
                      .map(([k, v]) => `${k.replace(/_/g, ' ')} ${String(v)}`)
                      .join(', ');
                    return (
                      <li key={i}>
                        {when ? formatTimestamp(when) : 'Unknown date'}
                        {by ? ` by ${by}` : ''}
                        {from ? ` (from ${friendlyDate(from)})` : ''}: {text || 'changed'}
                      </li>
                    );
                  })}
                </ul>
              </details>
            )}
          </section>
        </>
      )}
    </>
  );
}
