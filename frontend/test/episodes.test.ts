import { describe, expect, it } from 'vitest';
import { bannerAnnouncement, bannerText, episodesBefore, withUnsynced } from '../src/episodes';
import { pickLogFields } from '../src/log/body';
import type { Episode } from '../src/api/types';

const today = '2026-11-30';
const saddle: Episode = { started_on: '2026-11-29', level: 'emergency', flags: ['saddle_numbness'] };
const weak: Episode = { started_on: '2026-11-27', level: 'urgent', flags: ['new_weakness'] };
const fever: Episode = { started_on: '2026-11-30', level: 'soon', flags: ['fever_unwell', 'night_rest_pain'] };

describe('the warning-signs banner', () => {
  it('says nothing while no episode is open', () => {
    expect(bannerText([], today)).toBeNull();
  });

  it('names the date and the signs in plain words, and says to go now for an emergency', () => {
    const t = bannerText([saddle], today)!;
    expect(t.level).toBe('emergency');
    expect(t.title).toBe('Warning signs: get emergency care now');
    expect(t.action).toMatch(/emergency department now/);
    expect(t.items).toEqual([{ key: '2026-11-29', when: 'Sun 29 Nov (yesterday)', flags: 'numbness around the back passage or genitals (saddle area)', level: 'emergency' }]);
    expect(t.tickToday).toBe(true);
    expect(t.after).toMatch(/tick “A clinician has checked me” in today’s log/);
    expect(bannerAnnouncement(t)).toBe('Warning signs: get emergency care now. You reported warning signs on Sun 29 Nov (yesterday).');
  });

  it('takes the highest level of several episodes, lists them oldest first, same day for urgent, 2 days for soon', () => {
    const t = bannerText([fever, weak], today)!;
    expect(t.level).toBe('urgent');
    expect(t.action).toMatch(/today/);
    expect(t.items.map((i) => i.when)).toEqual(['Fri 27 Nov', 'Mon 30 Nov (today)']);
    expect(t.items[1]!.flags).toBe('fever or feeling generally unwell; pain at night or at rest that doesn’t ease');
    expect(bannerText([fever], today)!.action).toMatch(/within 2 days/);
  });

  it('does not offer today’s tick for an episode that started today (the tick closes only earlier ones)', () => {
    const t = bannerText([fever], today)!;
    expect(t.tickToday).toBe(false);
    expect(t.after).toMatch(/in a later day’s log/);
  });

  it('never uses jargon', () => {
    const all: Episode = { started_on: '2026-11-29', level: 'emergency', flags: ['saddle_numbness', 'bladder_bowel_change', 'both_legs', 'sexual_dysfunction', 'new_weakness', 'pop_with_bruising', 'fever_unwell', 'night_rest_pain'] };
    const words = JSON.stringify(bannerText([all], today));
    expect(words).not.toMatch(/compression|nerve.root|cauda|equina|_/i);
    expect(words).toMatch(/difficulty passing urine/);
    expect(words).toMatch(/new change in genital sensation or sexual function/);
    expect(words).toMatch(/new numbness, tingling or weakness in both legs/);
  });
});

describe('episodes as this phone knows them', () => {
  const entry = (date: string, p: object) => ({ date, body: pickLogFields(p) });

  it('adds red flags saved on this phone and not yet synced, at the level the rules give them', () => {
    const out = withUnsynced([weak], [entry('2026-11-30', { red_flags: ['sexual_dysfunction'] })], today);
    expect(out).toEqual([weak, { started_on: '2026-11-30', level: 'emergency', flags: ['sexual_dysfunction'] }]);
  });

  it('merges with the server’s episode of the same day, and ignores days without flags or after today', () => {
    const out = withUnsynced([saddle], [entry('2026-11-29', { red_flags: ['new_weakness'] }), entry('2026-11-30', { morning_pain: 2 }), entry('2026-12-01', { red_flags: ['both_legs'] })], today);
    expect(out).toEqual([{ started_on: '2026-11-29', level: 'emergency', flags: ['saddle_numbness', 'new_weakness'] }]);
  });

  it('keeps the server’s episodes when an unsynced day says "checked" (the server closes them)', () => {
    expect(withUnsynced([saddle], [entry('2026-11-30', { red_flags_reviewed: true })], today)).toEqual([saddle]);
  });

  it('offers the tick only for episodes that started before the day being logged', () => {
    expect(episodesBefore([[saddle, fever], [weak, saddle]], today)).toEqual([weak, saddle]);
    expect(episodesBefore([[saddle]], '2026-11-29')).toEqual([]);
    expect(episodesBefore([null, undefined], today)).toEqual([]);
  });
});
