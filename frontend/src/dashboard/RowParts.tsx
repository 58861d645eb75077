// Pieces of a dashboard row shared by the phone cards and the desk table.
import type { PatientRow } from '../api/types';
import { formatTimestamp, shortLabel } from '../dates';
import { flagWords } from '../episodes';
import { DecisionBadge, ReferralBadge } from '../ui/Badges';
import { Alert, Hourglass } from '../ui/Icons';
import { EPISODE_TEXT } from '../words';
import { flagLabel, isStale, shownFlags, staleText } from './rows';

/** Today's decision, or "No log for N days" when the last decision is too old to act on. */
export function DecisionOrStale({ row }: { row: PatientRow }) {
  if (isStale(row)) {
    return (
      <span class="badge badge-stale">
        <Hourglass />
        <span>{staleText(row)}</span>
      </span>
    );
  }
  return <DecisionBadge decision={row.decision} />;
}

/** The referral badge and every flag in words (unknown flags humanised, never dropped). */
export function FlagChips({ row }: { row: PatientRow }) {
  const flags = shownFlags(row);
  if (!row.referral && flags.length === 0) return null;
  return (
    <ul class="chips" aria-label="Flags">
      {row.referral && (
        <li>
          <ReferralBadge referral={row.referral} />
        </li>
      )}
      {flags.map((f) => (
        <li key={f} class={`chip chip-${f}`}>
          {flagLabel(f)}
        </li>
      ))}
    </ul>
  );
}

/** The row's open red-flag episodes: date, level and which warning signs, until a check closes them. */
export function OpenEpisodes({ row }: { row: PatientRow }) {
  const episodes = row.open_episodes ?? [];
  if (episodes.length === 0) return null;
  return (
    <div class="pc-episodes">
      <Alert />
      <ul class="plain">
        {episodes.map((e) => (
          <li key={e.started_on}>
            <strong>
              Warning signs {shortLabel(e.started_on)} · {EPISODE_TEXT[e.level]?.short ?? e.level}
            </strong>
            : {flagWords(e.flags)}. Not checked yet.
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Acknowledged by Dr Ada at 30 Nov, 09:41" when a clinician said "seen, acting". */
export function Acknowledged({ by, at }: { by: string | null | undefined; at: string | null | undefined }) {
  if (!at) return null;
  return (
    <p class="acknowledged">
      Acknowledged by {by ?? 'a former clinician'} at {formatTimestamp(at)}
    </p>
  );
}
