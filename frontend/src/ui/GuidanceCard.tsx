import type { Ref } from 'preact';
import type { Guidance } from '../api/types';
import { REFERRAL_TEXT, PHASES } from '../words';
import { DecisionBadge, WaitingBadge } from './Badges';
import { guidanceView, type GuidanceFor } from './guidanceView';
import { Alert, SeverityIcon } from './Icons';

/** What to do today: the decision in words, colour and icon, who set it, each component, and the reasons. */
export function GuidanceCard({ guidance, title, headingRef, applies }: { guidance: Guidance; title: string; headingRef?: Ref<HTMLHeadingElement>; applies?: GuidanceFor }) {
  const v = guidanceView(guidance, applies);
  const next = PHASES.find((p) => p.phase === (guidance.phase ?? 0) + 1);
  return (
    <section class={`card guidance guidance-${v.decision}`} aria-labelledby="guidance-title" data-testid="guidance">
      <h2 id="guidance-title" class="h-section" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {v.rf5 && (
        <div class="rf5" data-testid="rf5">
          <Alert />
          <div>
            <strong>Warning signs not checked yet</strong>
            <p>{v.rf5.message}</p>
          </div>
        </div>
      )}
      <div class="guidance-decision">
        <DecisionBadge decision={v.decision} size="lg" />
        <p class="guidance-summary">
          {v.lead && <strong>{v.lead}: </strong>}
          {v.summary}
        </p>
      </div>
      {guidance.referral && (
        <div class={`referral referral-${guidance.referral}`} role="note">
          <Alert />
          <div>
            <strong>{REFERRAL_TEXT[guidance.referral]?.title}</strong>
            <p>{REFERRAL_TEXT[guidance.referral]?.body}</p>
          </div>
        </div>
      )}
      <h3 class="h-sub">What to do</h3>
      <ul class="components">
        {v.components.map((c) => (
          <li key={c.component} class={`component component-${c.state}`}>
            <div class="component-head">
              <strong>{c.label}</strong>
              {c.state === 'waiting' ? <WaitingBadge /> : <DecisionBadge decision={c.decision} />}
            </div>
            <p>{c.advice}</p>
            {c.why.map((w, i) => (
              <p key={i} class="component-why">
                {w}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {v.reasons.length > 0 && (
        <>
          <h3 class="h-sub">Why</h3>
          <ul class="reasons">
            {v.reasons.map((r, i) => (
              <li key={`${r.rule}-${i}`} class={`reason sev-${r.severity}`}>
                <SeverityIcon severity={r.severity} />
                <span>{r.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {guidance.phase_ready && next && (
        <p class="phase-ready">
          You may be ready for phase {next.phase} ({next.name}). Your clinician will confirm.
        </p>
      )}
      <p class="fineprint">Rule set {guidance.ruleset}</p>
    </section>
  );
}
