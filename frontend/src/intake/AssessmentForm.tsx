// The clinician's assessment form: the PHT tests (each a result and a note), the impression
// they confirm, and a starting phase ("keep" by default; the suggestion is marked).
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import type { ApiBody } from '../api/paths';
import { phaseName } from '../words';
import { Notice } from '../ui/Page';
import { Check } from './Rating';
import { IMPRESSION_LABEL, type Profile } from './words';

type Body = ApiBody<'post', '/clinician/patients/{patient_id}/assessments'>;
type Impression = Body['impression'];
type SideKey = 'ischial_palpation' | 'bent_knee_stretch' | 'modified_bent_knee_stretch' | 'puranen_orava' | 'slump' | 'straight_leg_raise';
interface SideRow {
  result: '' | 'positive' | 'negative';
  side: 'left' | 'right';
  note: string;
}

const SIDE_TESTS: { key: SideKey; label: string }[] = [
  { key: 'ischial_palpation', label: 'Palpation at the sit bone' },
  { key: 'bent_knee_stretch', label: 'Bent-knee stretch test' },
  { key: 'modified_bent_knee_stretch', label: 'Modified bent-knee stretch test' },
  { key: 'puranen_orava', label: 'Puranen-Orava test' },
  { key: 'slump', label: 'Slump test' },
  { key: 'straight_leg_raise', label: 'Straight-leg raise' },
];

function impressionOf(profile: Profile | null): Impression {
  return profile?.emphasis === 'neural' ? 'neural' : profile?.emphasis === 'mixed' ? 'mixed' : 'tendon';
}

export function AssessmentForm({ id, profile, phases, onSaved }: { id: string; profile: Profile | null; phases: number[]; onSaved: () => void }) {
  const empty: SideRow = { result: '', side: 'left', note: '' };
  const [rows, setRows] = useState<Record<SideKey, SideRow>>(() => Object.fromEntries(SIDE_TESTS.map((t) => [t.key, { ...empty }])) as Record<SideKey, SideRow>);
  const [range, setRange] = useState('');
  const [bridge, setBridge] = useState({ left: '', right: '' });
  const [impression, setImpression] = useState<Impression>(() => impressionOf(profile));
  // "Keep" by default: a re-assessment must not move a patient back to the suggested phase by accident.
  const [phase, setPhase] = useState<string>('');
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    setMsg(null);
    if (!confirmed) {
      setMsg({ kind: 'error', text: 'Tick “I confirm this impression” first.' });
      return;
    }
    const tests: NonNullable<Body['tests']> = {};
    for (const t of SIDE_TESTS) {
      const r = rows[t.key];
      if (!r.result) continue;
      const one = { side: r.side, result: r.result, ...(r.note.trim() ? { note: r.note.trim() } : {}) };
      if (t.key === 'straight_leg_raise') tests.straight_leg_raise = { ...one, range_deg: Math.round(Number(range) || 0) };
      else tests[t.key] = one;
    }
    if (bridge.left !== '' && bridge.right !== '') tests.single_leg_bridge = { left: Math.round(Number(bridge.left)), right: Math.round(Number(bridge.right)) };
    const body: Body = { tests, impression, confirmed: true, ...(phase ? { starting_phase: Number(phase) } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    try {
      await api.post('/clinician/patients/{patient_id}/assessments', { path: { patient_id: id }, body });
      setMsg({ kind: 'ok', text: 'Assessment saved with your name and the time.' });
      setConfirmed(false);
      onSaved();
    } catch (err) {
      setMsg({ kind: 'error', text: err instanceof NetworkError ? 'You are offline.' : err instanceof ApiError ? problemMessage(err.problem) : 'Could not save.' });
    }
  }

  const setRow = (k: SideKey, patch: Partial<SideRow>) => setRows({ ...rows, [k]: { ...rows[k], ...patch } });
  return (
    <section class="card" aria-labelledby="assess-h">
      <h2 id="assess-h" class="h-section">
        Record an assessment
      </h2>
      <form class="stack" onSubmit={save} noValidate>
        {SIDE_TESTS.map((t) => (
          <fieldset class="field" key={t.key}>
            <legend class="label">{t.label}</legend>
            <div class="row-gap">
              <label>
                Result{' '}
                <select value={rows[t.key].result} onChange={(e) => setRow(t.key, { result: (e.currentTarget as HTMLSelectElement).value as SideRow['result'] })}>
                  <option value="">Not done</option>
                  <option value="positive">Positive</option>
                  <option value="negative">Negative</option>
                </select>
              </label>
              <label>
                Side{' '}
                <select value={rows[t.key].side} onChange={(e) => setRow(t.key, { side: (e.currentTarget as HTMLSelectElement).value as SideRow['side'] })}>
                  <option value="left">Left</option>
                  <option value="right">Right</option>
                </select>
              </label>
              {t.key === 'straight_leg_raise' && (
                <label>
                  Range (°) <input class="input input-short" type="number" min={0} max={180} value={range} onInput={(e) => setRange((e.currentTarget as HTMLInputElement).value)} />
                </label>
              )}
            </div>
            <label>
              Note <input type="text" class="input" maxLength={2000} value={rows[t.key].note} onInput={(e) => setRow(t.key, { note: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </fieldset>
        ))}
        <fieldset class="field">
          <legend class="label">Single-leg bridge (repetitions)</legend>
          <div class="row-gap">
            <label>
              Left <input class="input input-short" type="number" min={0} max={200} value={bridge.left} onInput={(e) => setBridge({ ...bridge, left: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <label>
              Right <input class="input input-short" type="number" min={0} max={200} value={bridge.right} onInput={(e) => setBridge({ ...bridge, right: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </div>
        </fieldset>
        <fieldset class="field">
          <legend class="label">Impression</legend>
          {(Object.keys(IMPRESSION_LABEL) as Impression[]).map((k) => (
            <label class="opt" key={k}>
              <input type="radio" name="impression" value={k} checked={impression === k} onChange={() => setImpression(k)} />
              <span>
                {IMPRESSION_LABEL[k]}
                {profile && impressionOf(profile) === k ? ' (suggested)' : ''}
              </span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label class="label" for="assess-phase">
            Starting phase
          </label>
          <select id="assess-phase" class="input" value={phase} onChange={(e) => setPhase((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Keep the current phase</option>
            {phases.map((p) => (
              <option key={p} value={String(p)}>
                {phaseName(p)}
                {profile?.suggested_phase === p ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="label" for="assess-note">
            Note
          </label>
          <textarea id="assess-note" class="input" maxLength={2000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <Check id="assess-confirm" label="I confirm this impression and starting phase" checked={confirmed} onChange={setConfirmed} />
        {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
        <button type="submit" class="btn btn-primary">
          Save assessment
        </button>
      </form>
    </section>
  );
}
