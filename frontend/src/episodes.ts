// Red-flag episodes on the patient's side (guardrails.md "Red-flag episodes"): what the banner
// says, which episodes a "checked" tick would close, and red flags saved on this phone that the
// server has not seen yet. Pure: no DOM, no Preact, no network.
import type { Episode, EpisodeLevel, RedFlag } from './api/types';
import { addDays, shortLabel } from './dates';
import { FLAG_LEVEL, highestLevel } from './log/body';
import type { OutboxEntry } from './sync/db';
import { EPISODE_TEXT, RED_FLAG_LABEL } from './words';

const byStart = (a: Episode, b: Episode) => (a.started_on < b.started_on ? -1 : a.started_on > b.started_on ? 1 : 0);

/**
 * The episodes open today as this phone knows them: the server's, plus the red flags of days
 * saved on this phone and not yet accepted (offline, or refused): those show at once, at the
 * level the rules give them. A saved "checked" tick or a removed flag waits for the server (the
 * safer reading: the warning stays until the server says it is closed).
 */
export function withUnsynced(server: readonly Episode[], entries: readonly Pick<OutboxEntry, 'date' | 'body'>[], today: string): Episode[] {
  const out = new Map<string, Episode>(server.map((e) => [e.started_on, e]));
  for (const { date, body } of entries) {
    if (date > today || body.red_flags.length === 0) continue;
    const level = highestLevel(body.red_flags.map((f) => FLAG_LEVEL[f]));
    const known = out.get(date);
    const flags = [...new Set<RedFlag>([...(known?.flags ?? []), ...body.red_flags])];
    if (level) out.set(date, { started_on: date, level: highestLevel([level, ...(known ? [known.level] : [])])!, flags });
  }
  return [...out.values()].sort(byStart);
}

/** The open episodes that started before `date`: the ones a "checked" tick on `date` closes. */
export function episodesBefore(lists: readonly (readonly Episode[] | null | undefined)[], date: string): Episode[] {
  const out = new Map<string, Episode>();
  for (const list of lists) for (const e of list ?? []) if (e.started_on < date) out.set(e.started_on, e);
  return [...out.values()].sort(byStart);
}

/** "Sun 29 Nov (yesterday)", "Mon 30 Nov (today)" or "Fri 27 Nov". */
export function episodeDate(started: string, today: string): string {
  const rel = started === today ? ' (today)' : started === addDays(today, -1) ? ' (yesterday)' : '';
  return `${shortLabel(started)}${rel}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The flags of an episode in plain words, for a sentence. */
export function flagWords(flags: readonly RedFlag[]): string {
  return flags.map((f) => lowerFirst(RED_FLAG_LABEL[f] ?? String(f).replace(/_/g, ' '))).join('; ');
}

export interface BannerText {
  level: EpisodeLevel;
  title: string;
  action: string;
  /** one line per episode, oldest first: the date and the flags */
  items: { key: string; when: string; flags: string; level: EpisodeLevel }[];
  /** how the banner goes away */
  after: string;
  /** an episode from an earlier day is open: the patient can tick "checked" today */
  tickToday: boolean;
}

/** What the persistent banner says about the open episodes (null when none is open). */
export function bannerText(episodes: readonly Episode[], today: string): BannerText | null {
  if (episodes.length === 0) return null;
  const level = highestLevel(episodes.map((e) => e.level))!;
  const sorted = [...episodes].sort(byStart);
  const tickToday = sorted.some((e) => e.started_on < today);
  return {
    level,
    title: EPISODE_TEXT[level].title,
    action: EPISODE_TEXT[level].action,
    items: sorted.map((e) => ({ key: e.started_on, when: episodeDate(e.started_on, today), flags: flagWords(e.flags), level: e.level })),
    after: tickToday
      ? 'Once a clinician has checked you, tick “A clinician has checked me” in today’s log.'
      : 'This stays until a clinician has checked you; then tick “A clinician has checked me” in a later day’s log.',
    tickToday,
  };
}

/** One line for announcing the banner once: the title and the dates. */
export function bannerAnnouncement(t: BannerText): string {
  return `${t.title}. You reported warning signs on ${t.items.map((i) => i.when).join(' and ')}.`;
}
