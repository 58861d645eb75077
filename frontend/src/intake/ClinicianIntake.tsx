// On the clinician's patient page: the intake, the starting profile to confirm or change, the
// last assessment, and the assessment form (clinical tests, impression, starting phase).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import type { components } from '../api/schema';
import { friendlyDate } from '../dates';
import { announce } from '../store';
import { Notice } from '../ui/Page';
import { PHASES, phaseName } from '../words';
import { AssessmentForm } from './AssessmentForm';
import { ProfileCard } from './ProfileCard';
import { DURATIONS, IMPRESSION_LABEL, PROVOCATIONS } from './words';

type Page = components['schemas']['AssessmentPage'];
type Assessment = components['schemas']['AssessmentOut'];

function Intake({ page }: { page: Page }) {
  const a = page.intake.answers;
  if (!a) return <p class="muted">The patient has not answered the intake yet.</p>;
  return (
    <>
      <p>
        {a.sport || 'No sport given'}
        {a.weekly_running_km != null ? `, ${a.weekly_running_km} km a week before the pain` : ''}. Pain for {DURATIONS.find((d) => d.value === a.pain_duration)?.label.toLowerCase()}.
        {a.want_back ? ` Wants back: ${a.want_back}.` : ''}
      </p>
      <ul>
        {PROVOCATIONS.map((p) => (
          <li key={p.key}>
            {p.label}: {a.provocation[p.key]}/10
            {p.key === 'sitting' && a.provocation.sitting_minutes != null ? ` after ${a.provocation.sitting_minutes} min` : ''}
          </li>
        ))}
        <li>
          Tingling or numbness: {a.nerve.tingling ? `yes, to the ${a.nerve.reaches?.replace('_', ' ')}` : 'no'}
          {a.nerve.slump_brings_on ? '; slumping brings it on' : ''}
          {a.nerve.long_leg_sitting_brings_on ? '; long-leg sitting brings it on' : ''}
        </li>
      </ul>
    </>
  );
}

function Last({ last }: { last: Assessment }) {
  return (
    <section class="card" aria-labelledby="last-h">
      <h2 id="last-h" class="h-section">
        Last assessment
      </h2>
      <p>
        {friendlyDate(last.assessed_on)} by {last.clinician ?? 'a former clinician'}: <strong>{IMPRESSION_LABEL[last.impression]}</strong>
        {last.starting_phase ? `, starting in ${phaseName(last.starting_phase)}` : ''}
        {last.follows_suggestion ? ' (as suggested)' : ' (changed from the suggestion)'}.
      </p>
      <ul>
        {last.tests.map((t) => (
          <li key={t.id}>
            {t.title}
            {t.side ? ` (${t.side})` : ''}: {t.result ?? (t.left != null ? `left ${t.left}, right ${t.right} ${t.unit ?? ''}` : '')}
            {t.value != null ? `, ${t.value}°` : ''}
            {t.note ? ` — ${t.note}` : ''}
          </li>
        ))}
      </ul>
      {last.note && <p>{last.note}</p>}
    </section>
  );
}

export function ClinicianIntake({ id }: { id: string }) {
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    api
      .get('/clinician/patients/{patient_id}/assessments', { path: { patient_id: id } })
      .then(setPage)
      .catch((e: unknown) => setError(e instanceof NetworkError ? 'You are offline.' : e instanceof ApiError ? problemMessage(e.problem) : 'Could not load the intake.'));
  useEffect(() => void load(), [id]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!page) return null;
  const profile = page.intake.profile;
  const stepBack = page.maintenance.find((m) => m.suggest_step_back);
  return (
    <>
      <section class="card" aria-labelledby="intake-h">
        <h2 id="intake-h" class="h-section">
          Intake
        </h2>
        <Intake page={page} />
      </section>
      {profile && <ProfileCard profile={profile} headingId="start-h" forClinician />}
      {page.last ? <Last last={page.last} /> : <Notice kind="info">No assessment yet: record one below to confirm or change the starting profile.</Notice>}
      {stepBack && (
        <Notice kind="warn">
          Maintenance check of {friendlyDate(stepBack.checked_on)} suggests stepping back: {stepBack.reasons.join(' ')} Change the phase under “Phase and thresholds” if you agree.
        </Notice>
      )}
      <AssessmentForm
        id={id}
        profile={profile ?? null}
        phases={PHASES.map((p) => p.phase)}
        onSaved={() => {
          announce('Assessment saved.');
          void load();
        }}
      />
    </>
  );
}
