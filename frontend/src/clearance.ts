// A clinician's "checked on <date>" for a patient's red flags: the date rules before sending, and
// the server's refusals (422, 409, 404) in words, never field names. Pure: no DOM, no network.
import type { Episode, Problem } from './api/types';
import { fieldKey } from './api/http';
import { shortLabel } from './dates';

/** The oldest open episode's start (the earliest date a check may carry), or null. */
export function oldestStart(episodes: readonly Episode[]): string | null {
  return episodes.reduce<string | null>((min, e) => (min === null || e.started_on < min ? e.started_on : min), null);
}

/** What is wrong with `checkedOn` before asking the server (null when it may be sent). */
export function checkDateProblem(checkedOn: string, today: string, oldest: string | null): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(checkedOn)) return 'Enter the date you checked the patient.';
  if (checkedOn > today) return 'The check can’t be dated in the future: choose today or an earlier day.';
  if (oldest && checkedOn < oldest) return `The check can’t be dated before the warning signs were reported (${shortLabel(oldest)}): choose that day or later.`;
  return null;
}

const SUBJECT: Record<string, string> = { checked_on: 'The date of the check', note: 'The note' };

/** The server's answer to a refused check, in words. */
export function clearanceProblemText(status: number, problem: Problem, ctx: { checkedOn: string; today: string; oldest: string | null }): string {
  if (status === 409) return 'There are no open warning signs for this patient any more, so there is nothing to close. The page has been updated.';
  if (status === 404) return 'This patient was not found, or you no longer have access.';
  if (status === 422) {
    const known = checkDateProblem(ctx.checkedOn, ctx.today, ctx.oldest);
    if (known) return known;
    const said = (problem.errors ?? []).map((e) => {
      const subject = SUBJECT[fieldKey(e.field)];
      return subject ? `${subject} ${e.message.replace(/^Value error,\s*/i, '')}.` : null;
    });
    if (said.length && said.every((s) => s !== null)) return said.join(' ');
    return 'The check could not be recorded: check the date (not in the future, not before the warning signs began) and the note.';
  }
  return problem.detail || problem.title || 'The check could not be recorded.';
}
