// The persistent warning-signs banner on the patient's pages: while a red-flag episode is open it
// names the date(s), the signs in plain words and what to do. It is announced once per change of
// what it says (not on every render or page change), through the app's polite live region.
import { useEffect, useMemo } from 'preact/hooks';
import { todayIn } from '../dates';
import { bannerAnnouncement, bannerText, withUnsynced } from '../episodes';
import { announce, useAppState } from '../store';
import { EPISODE_TEXT } from '../words';
import { Alert } from './Icons';

/** What was last announced (module-wide: moving between pages does not repeat it). */
let announced = '';

export function EpisodeBanner({ path }: { path: string }) {
  const { me, episodes, outbox } = useAppState();
  const today = todayIn(me?.timezone);
  const text = useMemo(() => bannerText(withUnsynced(episodes?.list ?? [], outbox.entries, today), today), [episodes, outbox, today]);
  const key = text ? `${text.level}|${text.items.map((i) => `${i.key}:${i.flags}`).join('|')}` : '';

  useEffect(() => {
    if (!text || key === announced) return;
    announced = key;
    const msg = bannerAnnouncement(text);
    // after this render, so the live region is mounted on a fresh page load
    const t = setTimeout(() => announce(msg), 0);
    return () => clearTimeout(t);
  }, [key]);

  if (!text) return null;
  const onTodayLog = path === '/';
  return (
    <section class={`episode-banner episode-${text.level}`} aria-labelledby="episode-title" data-testid="episode-banner">
      <Alert class="icon episode-icon" />
      <div>
        <p id="episode-title" class="episode-title">
          {text.title}
        </p>
        <ul class="episode-list">
          {text.items.map((i) => (
            <li key={i.key}>
              You reported on <strong>{i.when}</strong>: {i.flags}.
              {i.level !== text.level && <span class="episode-level"> ({EPISODE_TEXT[i.level].short})</span>}
            </li>
          ))}
        </ul>
        <p class="episode-action">
          <strong>{text.action}</strong>
        </p>
        <p class="episode-after">
          {text.after}
          {text.tickToday && !onTodayLog && (
            <>
              {' '}
              <a href="/">Open today’s log</a>
            </>
          )}
        </p>
      </div>
    </section>
  );
}
