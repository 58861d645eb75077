// The starting profile: a hint, shown to the patient and to the clinician who confirms it.
import { phaseName, RED_FLAG_LABEL } from '../words';
import { EMPHASIS_LABEL, provocationLabel, type Profile } from './words';

/** What the clinician reads under the suggestion (the server's notice speaks to the patient). */
const FOR_CLINICIAN =
  'Suggested from the patient’s intake answers: a hint for you to confirm or change with your assessment. It is not a diagnosis and changes no guardrail decision.';

export function ProfileCard({ profile, headingId, forClinician = false }: { profile: Profile; headingId: string; forClinician?: boolean }) {
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId} class="h-section">
        Suggested starting profile
      </h2>
      <dl class="profile-list">
        <dt>Suggested phase</dt>
        <dd>{phaseName(profile.suggested_phase)}</dd>
        <dt>Emphasis</dt>
        <dd>{EMPHASIS_LABEL[profile.emphasis]}</dd>
        <dt>Marker to follow</dt>
        <dd>{profile.marker ? provocationLabel(profile.marker) : 'None stands out'}</dd>
        {profile.glide_type && (
          <>
            <dt>Nerve glides</dt>
            <dd>Sliders only; nerve questions first in the log</dd>
          </>
        )}
      </dl>
      {profile.red_flags.length > 0 && (
        <div class="notice notice-warn">
          <p>
            <strong>Warning signs reported:</strong>
          </p>
          <ul>
            {profile.red_flags.map((f) => (
              <li key={f}>{RED_FLAG_LABEL[f]}</li>
            ))}
          </ul>
        </div>
      )}
      <ul>
        {profile.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p class="hint">{forClinician ? FOR_CLINICIAN : profile.notice}</p>
    </section>
  );
}
