// The patient's intake (/intake): once, in under 5 minutes, editable later. Sliders start at 0.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import { RED_FLAGS, type RedFlag } from '../api/types';
import { announce } from '../store';
import { Loading, Notice, PageTitle } from '../ui/Page';
import { RED_FLAG_LABEL } from '../words';
import { ProfileCard } from './ProfileCard';
import { ProvocationFields, START_MAP } from './ProvocationFields';
import { Check } from './Rating';
import { DURATIONS, REACHES, type IntakeBody, type Profile } from './words';

/** The form's answers: how long it has hurt starts unanswered (no preset the patient might not change). */
type Draft = Omit<IntakeBody, 'pain_duration'> & { pain_duration: IntakeBody['pain_duration'] | '' };

const START: Draft = {
  sport: '',
  weekly_running_km: null,
  want_back: '',
  pain_duration: '',
  provocation: START_MAP,
  nerve: { tingling: false, reaches: 'none', slump_brings_on: false, long_leg_sitting_brings_on: false },
  red_flags: [],
  make_goal: true,
};

function errText(e: unknown): string {
  if (e instanceof NetworkError) return 'You are offline. Your answers are still here: try again when you are connected.';
  if (e instanceof ApiError) return problemMessage(e.problem);
  return 'Could not save.';
}

export default function IntakePage() {
  const [body, setBody] = useState<Draft | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .get('/me/intake')
      .then((got) => {
        setBody(got.answers ? { ...START, ...got.answers, sport: got.answers.sport ?? '', want_back: got.answers.want_back ?? '' } : START);
        setProfile(got.profile ?? null);
      })
      .catch((e: unknown) => {
        setBody(START);
        setMsg({ kind: 'error', text: errText(e) });
      });
  }, []);

  if (!body) return <Loading />;
  const set = (patch: Partial<Draft>) => setBody({ ...body, ...patch });
  const nerve = body.nerve;
  const flags = body.red_flags ?? [];

  async function save(e: Event) {
    e.preventDefault();
    if (!body) return;
    setMsg(null);
    const duration = body.pain_duration;
    if (!duration) {
      setMsg({ kind: 'error', text: 'Choose how long it has hurt.' });
      document.getElementById('in-duration')?.focus();
      return;
    }
    setSaving(true);
    const sent: IntakeBody = { ...body, pain_duration: duration, sport: body.sport?.trim() || null, want_back: body.want_back?.trim() || null };
    if (!sent.nerve.tingling) sent.nerve = { tingling: false, reaches: 'none', slump_brings_on: false, long_leg_sitting_brings_on: false };
    try {
      const saved = await api.put('/me/intake', { body: sent });
      setProfile(saved.profile ?? null);
      setMsg({ kind: 'ok', text: 'Saved. You can change your answers at any time.' });
      announce('Intake saved.');
      // keyboard focus follows the answer instead of falling back to the page
      setTimeout(() => document.getElementById('intake-msg')?.focus(), 0);
    } catch (err) {
      setMsg({ kind: 'error', text: errText(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageTitle title="Your intake">Your intake</PageTitle>
      <p class="hint">A few questions about your activity and what brings the pain on. It takes about 5 minutes; you can change it later.</p>
      <form class="stack" onSubmit={save} noValidate>
        <section class="card" aria-labelledby="act-h">
          <h2 id="act-h" class="h-section">
            Your activity
          </h2>
          <div class="field">
            <label class="label" for="in-sport">
              Your main sport or activity
            </label>
            <input id="in-sport" type="text" class="input" maxLength={80} value={body.sport ?? ''} onInput={(e) => set({ sport: (e.currentTarget as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label class="label" for="in-km">
              Running per week before the pain (km)
            </label>
            <input
              id="in-km"
              class="input"
              type="number"
              inputMode="decimal"
              min={0}
              max={300}
              value={body.weekly_running_km ?? ''}
              onInput={(e) => {
                const raw = (e.currentTarget as HTMLInputElement).value;
                set({ weekly_running_km: raw === '' ? null : Math.min(300, Math.max(0, Number(raw))) });
              }}
            />
          </div>
          <div class="field">
            <label class="label" for="in-back">
              What do you want to get back to?
            </label>
            <p id="in-back-hint" class="hint">
              This becomes one of your goals.
            </p>
            <input id="in-back" type="text" class="input" maxLength={200} aria-describedby="in-back-hint" value={body.want_back ?? ''} onInput={(e) => set({ want_back: (e.currentTarget as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label class="label" for="in-duration">
              How long has it hurt?
            </label>
            <select id="in-duration" class="input" value={body.pain_duration} onChange={(e) => set({ pain_duration: (e.currentTarget as HTMLSelectElement).value as Draft['pain_duration'] })}>
              <option value="">Choose…</option>
              {DURATIONS.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
        </section>

        <section class="card" aria-labelledby="prov-h">
          <h2 id="prov-h" class="h-section">
            What brings the pain on
          </h2>
          <p class="hint">0 means not at all, 10 as bad as it gets.</p>
          <ProvocationFields prefix="in" value={body.provocation} onChange={(provocation) => set({ provocation })} />
        </section>

        <section class="card" aria-labelledby="nerve-h">
          <h2 id="nerve-h" class="h-section">
            Tingling or numbness
          </h2>
          <Check id="in-tingling" label="I get tingling or numbness down the leg" checked={nerve.tingling} onChange={(v) => set({ nerve: { ...nerve, tingling: v, reaches: v ? nerve.reaches ?? 'thigh' : 'none' } })} />
          {nerve.tingling && (
            <>
              <div class="field">
                <label class="label" for="in-reach">
                  How far down does it reach?
                </label>
                <select id="in-reach" class="input" value={nerve.reaches === 'none' ? 'thigh' : nerve.reaches ?? 'thigh'} onChange={(e) => set({ nerve: { ...nerve, reaches: (e.currentTarget as HTMLSelectElement).value as NonNullable<typeof nerve.reaches> } })}>
                  {REACHES.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
              <Check id="in-slump" label="Slumped sitting brings it on" checked={!!nerve.slump_brings_on} onChange={(v) => set({ nerve: { ...nerve, slump_brings_on: v } })} />
              <Check id="in-longleg" label="Sitting with the leg straight out brings it on" checked={!!nerve.long_leg_sitting_brings_on} onChange={(v) => set({ nerve: { ...nerve, long_leg_sitting_brings_on: v } })} />
            </>
          )}
        </section>

        <section class="card" aria-labelledby="rf-h">
          <h2 id="rf-h" class="h-section">
            Warning signs
          </h2>
          <p class="hint">Tick any you have now. The same list as in the daily log. If you tick one, contact a clinician.</p>
          {RED_FLAGS.map((f: RedFlag) => (
            <Check
              key={f}
              id={`in-rf-${f}`}
              label={RED_FLAG_LABEL[f]}
              checked={flags.includes(f)}
              onChange={(v) => set({ red_flags: v ? [...flags, f] : flags.filter((x) => x !== f) })}
            />
          ))}
        </section>

        <div id="intake-msg" tabIndex={-1}>
          {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
        </div>
        <button type="submit" class="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save my intake'}
        </button>
      </form>
      {profile && <ProfileCard profile={profile} headingId="profile-h" />}
    </>
  );
}
