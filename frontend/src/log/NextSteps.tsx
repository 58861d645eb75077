// After a save: the concrete next step of each component ("Single-leg RDL: 3x8 -> 4x8"). A step
// up waits for the patient: Accept or Not now, one tap each. A back-off is already in the plan
// and says so. The plan is re-read after an answer, so Today's plan shows the new dose.
import { useState } from 'preact/hooks';
import { problemMessage, ApiError } from '../api/http';
import type { Guidance } from '../api/types';
import { announce } from '../store';
import { COMPONENT_LABEL } from '../words';
import { nextSteps, type NextStep } from './plan';

type Answered = Record<string, 'accepted' | 'declined' | string>;

function Step({ s, answered, busy, onAnswer }: { s: NextStep; answered: Answered; busy: boolean; onAnswer: (s: NextStep, verb: 'accept' | 'decline') => void }) {
  const label = COMPONENT_LABEL[s.component];
  const mine = s.proposalId ? answered[s.proposalId] : undefined;
  const step = mine ?? s.step;
  return (
    <li class={`next-step next-${step}`} data-testid={`next-${s.component}`}>
      <p>
        <strong>{label}:</strong> {s.change.replace('->', '→')}
      </p>
      {step === 'proposed' && s.proposalId && (
        <div class="plan-answers">
          <button type="button" class="btn btn-small btn-primary" disabled={busy} onClick={() => onAnswer(s, 'accept')}>
            Accept<span class="sr-only"> the step for {label.toLowerCase()}</span>
          </button>
          <button type="button" class="btn btn-small" disabled={busy} onClick={() => onAnswer(s, 'decline')}>
            Not now<span class="sr-only"> (keep {label.toLowerCase()} as it is)</span>
          </button>
        </div>
      )}
      {step === 'applied' && <p class="hint">Eased off: already applied to your plan. Nothing to tap.</p>}
      {step === 'accepted' && <p class="hint">Accepted: this is your plan now.</p>}
      {step === 'declined' && <p class="hint">Not now: your plan stays as it is.</p>}
      {step !== 'proposed' && step !== 'applied' && step !== 'accepted' && step !== 'declined' && <p class="error">{step}</p>}
    </li>
  );
}

export function NextSteps({ guidance, answer }: { guidance: Guidance; answer: (id: string, verb: 'accept' | 'decline') => Promise<void> }) {
  const [answered, setAnswered] = useState<Answered>({});
  const [busy, setBusy] = useState(false);
  const steps = nextSteps(guidance.components);
  if (steps.length === 0) return null;

  async function onAnswer(s: NextStep, verb: 'accept' | 'decline') {
    if (!s.proposalId || busy) return;
    setBusy(true);
    try {
      await answer(s.proposalId, verb);
      setAnswered((a) => ({ ...a, [s.proposalId as string]: verb === 'accept' ? 'accepted' : 'declined' }));
      announce(verb === 'accept' ? `Accepted: ${s.change}` : 'Not now: your plan stays as it is.');
    } catch (err) {
      const msg = err instanceof ApiError ? problemMessage(err.problem) : 'Could not send your answer. Check your connection and try again.';
      setAnswered((a) => ({ ...a, [s.proposalId as string]: msg }));
      announce(msg);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card next-steps" aria-labelledby="next-h" data-testid="next-steps">
      <h2 id="next-h" class="h-section">
        Your next step
      </h2>
      <ul class="plan-items">
        {steps.map((s) => (
          <Step key={s.component} s={s} answered={answered} busy={busy} onAnswer={onAnswer} />
        ))}
      </ul>
    </section>
  );
}
