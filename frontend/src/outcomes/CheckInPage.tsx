// The weekly check-in (/check-in): name up to three activities once, rate them, confidence,
// worry about re-injury and the overall change; then the trends. Under a minute on a phone.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, errorsByField } from '../api/http';
import { friendlyDate } from '../dates';
import { announce } from '../store';
import { OptionGroup, type Option } from '../ui/Fields';
import { Loading, Notice, PageTitle } from '../ui/Page';
import { CheckInTrends } from './CheckInTrends';
import { GLOBAL_CHANGE_TEXT, TRENDS_NOTE } from './labels';
import { failure, useLoad } from './useLoad';
import type { CheckIns, GlobalChange } from './types';
import './outcomes.css';

const SCALE: Option<number>[] = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));
const CHANGES = Object.keys(GLOBAL_CHANGE_TEXT) as GlobalChange[];

function itemText(data: CheckIns, id: string): { text: string; help: string } {
  const item = data.questionnaire.items.find((i) => i.id === id);
  return { text: item?.text ?? id, help: item?.help ?? '' };
}

function CheckInForm({ data, onSaved }: { data: CheckIns; onSaved: () => Promise<void> }) {
  const named = data.activities.map((a) => a.label);
  const prior = data.this_week;
  const [editing, setEditing] = useState(named.length === 0);
  const [labels, setLabels] = useState<string[]>(() => [0, 1, 2].map((i) => named[i] ?? ''));
  const [scores, setScores] = useState<(number | null)[]>(() => [0, 1, 2].map((i) => prior?.activities.find((r) => r.label === named[i])?.score ?? null));
  const [confidence, setConfidence] = useState<number | null>(prior?.confidence ?? null);
  const [fear, setFear] = useState<number | null>(prior?.fear ?? null);
  const [change, setChange] = useState<GlobalChange | null>(prior?.global_change ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const msgRef = useRef<HTMLDivElement>(null);

  const shown = editing ? labels.map((l) => l.trim()) : named;
  const q = (id: string) => itemText(data, id);

  async function submit(e: Event) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const list = shown.map((l, i) => ({ label: l, i })).filter((x) => x.label !== '');
    const seen = new Set<string>();
    for (const x of list) {
      if (x.label.length < 2) errs[`label${x.i}`] = 'Use at least 2 characters.';
      if (seen.has(x.label.toLowerCase())) errs[`label${x.i}`] = 'You named this activity already.';
      seen.add(x.label.toLowerCase());
      if (scores[x.i] === null || scores[x.i] === undefined) errs[`score${x.i}`] = `Rate ${x.label} from 0 to 10.`;
    }
    if (confidence === null) errs.confidence = 'Choose a number from 0 to 10.';
    if (fear === null) errs.fear = 'Choose a number from 0 to 10.';
    if (change === null) errs.global_change = 'Choose the answer that fits best.';
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg({ kind: 'error', text: `Please answer ${Object.keys(errs).length === 1 ? 'the question' : 'the questions'} marked below.` });
      return;
    }
    setSaving(true);
    setMsg(null);
    try {
      let ids = data.activities;
      const changed = editing && (list.length !== named.length || list.some((x, k) => x.label !== named[k]));
      if (changed) ids = (await api.put('/me/check-ins/activities', { body: { activities: list.map((x) => x.label) } })).activities;
      const ratings = list.map((x) => ({ activity_id: ids.find((a) => a.label === x.label)?.id ?? '', score: scores[x.i]! })).filter((r) => r.activity_id);
      await api.post('/me/check-ins', { body: { activities: ratings, confidence: confidence!, fear: fear!, global_change: change! } });
      announce('Check-in saved.');
      await onSaved();
    } catch (err) {
      if (err instanceof ApiError) setErrors(errorsByField(err.problem));
      setMsg({ kind: 'error', text: failure(err, 'Your check-in could not be saved.') });
    } finally {
      setSaving(false);
    }
  }
  useEffect(() => {
    if (msg) msgRef.current?.focus();
  }, [msg]);

  return (
    <form class="stack card" onSubmit={submit} noValidate aria-labelledby="checkin-form-h">
      <h2 id="checkin-form-h" class="h-section">
        {prior ? 'This week (you can change your answers)' : 'This week'}
      </h2>
      <div ref={msgRef} tabIndex={-1}>
        {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      </div>
      <p class="hint">{q('activities').help}</p>
      {editing ? (
        <fieldset class="field">
          <legend class="label">Your activities (up to 3)</legend>
          {[0, 1, 2].map((i) => (
            <div class="field" key={i}>
              <label class="label" for={`act-${i}`}>
                Activity {i + 1}
                {i > 0 ? ' (optional)' : ''}
              </label>
              <input
                id={`act-${i}`}
                type="text"
                maxLength={80}
                value={labels[i]}
                placeholder={['e.g. Sitting through a film', 'e.g. Running for the bus', 'e.g. Bending to tie shoes'][i]}
                aria-invalid={errors[`label${i}`] ? 'true' : undefined}
                onInput={(e) => setLabels(labels.map((l, k) => (k === i ? (e.currentTarget as HTMLInputElement).value : l)))}
              />
              {errors[`label${i}`] && <p class="error">{errors[`label${i}`]}</p>}
            </div>
          ))}
        </fieldset>
      ) : (
        <p>
          <button type="button" class="btn-link" onClick={() => setEditing(true)}>
            Change my activities
          </button>
        </p>
      )}
      {shown.map((label, i) =>
        label.length >= 2 ? (
          <OptionGroup key={`s${i}`} id={`score-${i}`} label={label} options={SCALE} value={scores[i] ?? null} numeric clearable={false} anchors={["0 can't do it", '10 as before']} error={errors[`score${i}`]} onChange={(v) => setScores(scores.map((s, k) => (k === i ? v : s)))} />
        ) : null,
      )}
      <OptionGroup id="confidence" label={q('confidence').text} hint={q('confidence').help} options={SCALE} value={confidence} numeric clearable={false} error={errors.confidence} onChange={setConfidence} />
      <OptionGroup id="fear" label={q('fear').text} hint={q('fear').help} options={SCALE} value={fear} numeric clearable={false} error={errors.fear} onChange={setFear} />
      <OptionGroup id="global_change" label={q('global_change').text} hint={q('global_change').help} options={CHANGES.map((c) => ({ value: c, label: GLOBAL_CHANGE_TEXT[c] }))} value={change} clearable={false} error={errors.global_change} onChange={setChange} />
      <button type="submit" class="btn btn-primary btn-block" disabled={saving}>
        {saving ? 'Saving…' : 'Save check-in'}
      </button>
    </form>
  );
}

export default function CheckInPage() {
  const { data, error, reload } = useLoad(() => api.get('/me/check-ins'));
  const [formKey, setFormKey] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved, formKey]);
  return (
    <>
      <PageTitle title="Weekly check-in">Weekly check-in</PageTitle>
      <p class="subtitle">{TRENDS_NOTE}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <>
          {data.overdue && !data.this_week && <Notice kind="info">A week went by without a check-in. This one is for the week of {friendlyDate(data.week_start)}.</Notice>}
          <div ref={savedRef} tabIndex={-1}>
            {saved && <Notice kind="ok">Check-in saved. Thank you. Your trends are below.</Notice>}
          </div>
          <CheckInForm
            key={formKey}
            data={data}
            onSaved={async () => {
              await reload();
              setSaved(true);
              setFormKey((k) => k + 1);
            }}
          />
          <CheckInTrends data={data} />
          <p class="fineprint">
            Questions version {data.questionnaire.version}.
          </p>
        </>
      )}
    </>
  );
}
