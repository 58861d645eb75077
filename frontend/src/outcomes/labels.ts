// Words of the outcome screens (the clinical texts themselves come from the API).
import type { Direction, GlobalChange, GoalStatus, TestOut } from './types';

export const GLOBAL_CHANGE_TEXT: Record<GlobalChange, string> = {
  much_worse: 'Much worse',
  worse: 'Worse',
  slightly_worse: 'A little worse',
  no_change: 'About the same',
  slightly_better: 'A little better',
  better: 'Better',
  much_better: 'Much better',
};

export const DIRECTION_TEXT: Record<Direction, string> = {
  improving: 'improving',
  stable: 'about the same',
  worsening: 'worse',
};

export const GOAL_STATUS_TEXT: Record<GoalStatus, string> = {
  active: 'Working on it',
  met: 'Met',
  dropped: 'Dropped',
};

export const TRENDS_NOTE =
  'These are trends for you and your clinician. They never change your daily guidance, which comes only from your daily log.';

const fmt = (v: number | null) => (v === null ? '–' : String(Math.round(v * 10) / 10));

/** One line of a test's result, e.g. "Left 210 N, right 250 N · symmetry 84%". */
export function testResult(t: TestOut): string {
  const unit = t.unit ? ` ${t.unit}` : '';
  const parts: string[] = [];
  if (t.left !== null || t.right !== null) parts.push(`left ${fmt(t.left)}${unit}, right ${fmt(t.right)}${unit}`);
  if (t.result) parts.push(t.result === 'positive' ? 'positive' : 'negative');
  if (t.side && (t.kind === 'slump' || t.kind === 'straight_leg_raise')) parts.push(t.side === 'both' ? 'both sides' : `${t.side} side`);
  if (t.value !== null && t.left === null) parts.push(`${fmt(t.value)}${unit}`);
  if (t.symmetry_pct !== null) parts.push(`limb symmetry ${Math.round(t.symmetry_pct)}%`);
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
