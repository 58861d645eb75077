import type { Decision, Readiness, Referral } from '../api/types';
import { DECISION_LABEL, READINESS_LABEL } from '../words';
import { Alert, DecisionIcon, Hourglass, ReadinessIcon } from './Icons';

/** Decision shown as text + icon + colour (never colour alone). */
export function DecisionBadge({ decision, size }: { decision: Decision | null | undefined; size?: 'lg' }) {
  if (!decision || !(decision in DECISION_LABEL)) {
    return <span class="badge badge-none">No decision</span>;
  }
  return (
    <span class={`badge badge-${decision}${size ? ' badge-lg' : ''}`}>
      <DecisionIcon decision={decision} />
      <span>{DECISION_LABEL[decision]}</span>
    </span>
  );
}

/** A component that was ready to step up but waits today (PR-0 one change at a time, GA-1 not a calm day). */
export function WaitingBadge() {
  return (
    <span class="badge badge-waiting">
      <Hourglass />
      <span>Ready, waiting</span>
    </span>
  );
}

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  const r: Readiness = readiness in READINESS_LABEL ? readiness : 'unknown';
  return (
    <span class={`badge badge-ready-${r}`}>
      <ReadinessIcon readiness={r} />
      <span>{READINESS_LABEL[r]}</span>
    </span>
  );
}

const REFERRAL_LABEL: Record<Exclude<Referral, null>, string> = {
  routine: 'Referral: routine',
  soon: 'Referral: within 48 h',
  urgent: 'Referral: today',
  emergency: 'Referral: emergency',
};

export function ReferralBadge({ referral }: { referral: Referral | undefined }) {
  if (!referral || !(referral in REFERRAL_LABEL)) return null;
  return (
    <span class={`badge badge-ref-${referral}`}>
      <Alert />
      <span>{REFERRAL_LABEL[referral]}</span>
    </span>
  );
}
