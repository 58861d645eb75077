import type { Ref } from 'preact';
import type { Guidance } from '../api/types';
import { COMPONENT_ADVICE, COMPONENT_LABEL, COMPONENTS, DECISION_LABEL, DECISION_SUMMARY, REFERRAL_TEXT, PHASES } from '../words';
import { DecisionBadge } from './Badges';
import { Alert, SeverityIcon } from './Icons';

/** What to do today: the decision in words, colour and icon, each component, and the reasons. */
export function GuidanceCard({ guidance, title, headingRef }: { guidance: Guidance; title: string; headingRef?: Ref<HTMLHeadingElement> }) {
  const d = guidance.decision in DECISION_LABEL ? guidance.decision : 'hold';
  const allBackOff = guidance.referral === 'urgent' || guidance.referral === 'emergency';
  const reasons = Array.isArray(guidance.reasons) ? guidance.reasons : [];
  const next = PHASES.find((p) => p.phase === (guidance.phase ?? 0) + 1);
  return (
    <section class={`card guidance guidance-${d}`} aria-labelledby="guidance-title" data-testid="guidance">
      <h2 id="guidance-title" class="h-section" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <div class="guidance-decision">
        <DecisionBadge decision={d} size="lg" />
        <p class="guidance-summary">{allBackOff ? 'No training today.' : DECISION_SUMMARY[d]}</p>
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
        {COMPONENTS.map((c) => {
          const comp = guidance.components?.[c];
          if (!comp) return null;
          const cd = comp.decision in DECISION_LABEL ? comp.decision : 'hold';
          return (
            <li key={c} class="component">
              <div class="component-head">
                <strong>{COMPONENT_LABEL[c]}</strong>
                <DecisionBadge decision={cd} />
              </div>
              <p>{allBackOff ? 'Not today.' : COMPONENT_ADVICE[c][cd]}</p>
            </li>
          );
        })}
      </ul>
      {reasons.length > 0 && (
        <>
          <h3 class="h-sub">Why</h3>
          <ul class="reasons">
            {reasons.map((r, i) => (
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
