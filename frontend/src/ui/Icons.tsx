// Small inline SVG icons (decorative: the text next to them carries the meaning).
import type { ComponentChildren } from 'preact';
import type { Decision, Readiness, Severity } from '../api/types';

interface P {
  class?: string;
}

const svg = (children: ComponentChildren, cls = 'icon') => (
  <svg class={cls} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">
    {children}
  </svg>
);

export const ArrowUp = (p: P) => svg(<><path d="M12 19V5" /><path d="M5 12l7-7 7 7" /></>, p.class);
export const ArrowDown = (p: P) => svg(<><path d="M12 5v14" /><path d="M19 12l-7 7-7-7" /></>, p.class);
export const Pause = (p: P) => svg(<><path d="M5 9h14" /><path d="M5 15h14" /></>, p.class);
export const Check = (p: P) => svg(<path d="M4 12.5l5 5L20 6.5" />, p.class);
export const Stop = (p: P) => svg(<><circle cx="12" cy="12" r="9" /><path d="M7.5 16.5l9-9" /></>, p.class);
export const Tilde = (p: P) => svg(<><circle cx="12" cy="12" r="9" /><path d="M8 13c1.3-2 2.7-2 4 0s2.7 2 4 0" /></>, p.class);
export const Question = (p: P) => svg(<><circle cx="12" cy="12" r="9" /><path d="M9.5 9.5a2.5 2.5 0 0 1 4.8 1c0 1.7-2.3 2-2.3 3.5" /><path d="M12 17.5h.01" /></>, p.class);
export const Alert = (p: P) => svg(<><path d="M12 3l10 18H2z" /><path d="M12 10v5" /><path d="M12 18h.01" /></>, p.class);
export const Hourglass = (p: P) => svg(<><path d="M6 3h12" /><path d="M6 21h12" /><path d="M7 3v3l5 6-5 6v3" /><path d="M17 3v3l-5 6 5 6v3" /></>, p.class);
export const Info = (p: P) => svg(<><circle cx="12" cy="12" r="9" /><path d="M12 11v6" /><path d="M12 7.5h.01" /></>, p.class);
export const Phone = (p: P) => svg(<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />, p.class);
export const Cloud = (p: P) => svg(<><path d="M7 18a4.5 4.5 0 0 1-.5-9 6 6 0 0 1 11.5 1.5A3.8 3.8 0 0 1 17.5 18z" /><path d="M12 11v5" /><path d="M9.5 13.5L12 11l2.5 2.5" /></>, p.class);

export function DecisionIcon({ decision, ...p }: P & { decision: Decision }) {
  if (decision === 'progress') return <ArrowUp {...p} />;
  if (decision === 'back_off') return <ArrowDown {...p} />;
  return <Pause {...p} />;
}

export function ReadinessIcon({ readiness, ...p }: P & { readiness: Readiness }) {
  if (readiness === 'ready') return <Check {...p} />;
  if (readiness === 'modified') return <Tilde {...p} />;
  if (readiness === 'not_ready') return <Stop {...p} />;
  return <Question {...p} />;
}

export function SeverityIcon({ severity, ...p }: P & { severity: Severity }) {
  if (severity === 'critical' || severity === 'warning') return <Alert {...p} />;
  return <Info {...p} />;
}

export function Logo() {
  return (
    <svg class="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f766e" />
      <path d="M5 23h7v-7h7V9h5" fill="none" stroke="#fff" stroke-width="2.8" stroke-linecap="round" stroke-linejoin="round" />
      <circle cx="25" cy="9" r="2.8" fill="#fff" />
    </svg>
  );
}
