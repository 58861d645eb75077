import { useState } from 'preact/hooks';
import { navigate } from '../router';
import { useAppState } from '../store';
import { PHASES, phaseName } from '../words';
import { PageTitle } from '../ui/Page';

const STEPS = ['What Loadline does', 'Your phase', 'Share with your clinician or coach'] as const;

/** The three-screen introduction a patient sees once, right after creating an account (the
 * Register page goes here instead of Today), and again from Settings. Every screen can be
 * skipped; it ends by offering the intake questionnaire. */
export default function WelcomePage() {
  const { me } = useAppState();
  const [step, setStep] = useState(0);
  const last = step === STEPS.length - 1;

  const finish = (to: string) => navigate(to);

  return (
    <>
      <PageTitle title={STEPS[step]!}>{STEPS[step]}</PageTitle>
      <p class="muted" id="welcome-step">
        Introduction, step {step + 1} of {STEPS.length}
      </p>
      <section class="card welcome" aria-labelledby="welcome-step">
        {step === 0 && <WhatItDoes />}
        {step === 1 && <YourPhase phase={me?.phase ?? null} />}
        {step === 2 && <Sharing />}
      </section>
      <div class="btn-row welcome-nav">
        {step > 0 && (
          <button type="button" class="btn" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        {!last && (
          <button type="button" class="btn btn-primary" onClick={() => setStep(step + 1)}>
            Next
          </button>
        )}
        {last && (
          <button type="button" class="btn btn-primary" onClick={() => finish('/intake')}>
            Fill in your intake
          </button>
        )}
        <button type="button" class="btn btn-link" onClick={() => finish('/')}>
          {last ? 'Go to today’s log' : 'Skip the introduction'}
        </button>
      </div>
    </>
  );
}

function WhatItDoes() {
  return (
    <>
      <p>
        Each day you note how your pain, sitting and training went. Loadline compares that with the limits your clinician set and suggests
        whether to <strong>progress</strong>, <strong>hold</strong> or <strong>back off</strong>.
      </p>
      <p>
        <strong>It is a guide, not a diagnosis, and it does not replace your clinician.</strong> If something worries you, or you notice a
        warning sign such as numbness around the saddle area or a change in bladder or bowel control, get medical help straight away.
      </p>
      <h2 class="h-section">Your privacy</h2>
      <p>Loadline stores:</p>
      <ul>
        <li>your name, email address and time zone;</li>
        <li>your daily logs: pain scores, sitting, exercises, running, nerve glides, sleep, stress, warning signs and notes;</li>
        <li>the guidance worked out from them, and your phase and limits;</li>
        <li>a record of who looked at your data, and when.</li>
      </ul>
      <p>Who can see it:</p>
      <ul>
        <li>you;</li>
        <li>a clinician you give a code to sees your full record;</li>
        <li>a coach you give a code to sees only whether you are ready to train and what to avoid, never your pain scores or notes.</li>
      </ul>
      <p>
        Nobody else gets access through the app. You can take access back at any time, see who looked (Sharing), download everything, and
        erase your account (Settings).
      </p>
    </>
  );
}

function YourPhase({ phase }: { phase: number | null }) {
  const info = PHASES.find((p) => p.phase === phase);
  return (
    <>
      <p>
        You are in <strong>{phaseName(phase)}</strong>.
      </p>
      {info && (
        <ul>
          <li>Loading: {info.loading}.</li>
          <li>Running: {info.running === 'None' ? 'none yet' : info.running.toLowerCase()}.</li>
          <li>Nerve glides: {info.neural.toLowerCase()}.</li>
        </ul>
      )}
      <p>
        Recovery goes in {PHASES.length} phases. You move on when your symptoms allow, not by date, and your clinician confirms each step.
        Everyone starts in phase 1 until a clinician changes it.
      </p>
      <p>You can read about every phase on the History page.</p>
    </>
  );
}

function Sharing() {
  return (
    <>
      <p>Loadline works best when your clinician can see your logs.</p>
      <ol>
        <li>
          Open <a href="/sharing">Sharing</a> and create a code for a clinician or a coach.
        </li>
        <li>Give them the code. It works once and is valid for 7 days.</li>
        <li>They enter it in their Loadline account, and you see their name under “Codes and access”.</li>
      </ol>
      <p>You can take their access back at any time.</p>
      <p>Next, your intake questionnaire tells your clinician where you are starting from. It takes a few minutes.</p>
    </>
  );
}
