import { describe, expect, it, vi } from 'vitest';
import { openTarget, readPush, targetUrl } from '../src/notify/message';
import { LOGS_BEFORE_ASKING, isDismissed, remember, shouldAsk } from '../src/notify/prompt';
import { keyBytes, pushSupport, supportMessage, type BrowserFacts } from '../src/notify/support';

const ORIGIN = 'https://app.example.org';
const CHROME: BrowserFacts = { serviceWorker: true, pushManager: true, notification: true, permission: 'default', ios: false, installed: false };

describe('the permission prompt', () => {
  const ready = { support: 'ok' as const, permission: 'default' as const, dismissed: false, subscribed: false };
  it('is not offered before the third log (never on a first visit)', () => {
    expect(LOGS_BEFORE_ASKING).toBe(3);
    for (const logged of [0, 1, 2]) expect(shouldAsk({ ...ready, logged })).toBe(false);
    expect(shouldAsk({ ...ready, logged: 3 })).toBe(true);
  });
  it('is not offered again once dismissed, answered, subscribed or where push cannot work', () => {
    expect(shouldAsk({ ...ready, logged: 5, dismissed: true })).toBe(false);
    expect(shouldAsk({ ...ready, logged: 5, permission: 'granted', subscribed: true })).toBe(false);
    expect(shouldAsk({ ...ready, logged: 5, permission: 'denied' })).toBe(false);
    expect(shouldAsk({ ...ready, logged: 5, permission: 'granted' })).toBe(true);
    expect(shouldAsk({ ...ready, logged: 5, support: 'ios-browser' })).toBe(false);
  });
  it('remembers "Not now" per user on this device', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
    expect(isDismissed('u1')).toBe(false);
    remember('u1', 'later');
    expect(isDismissed('u1')).toBe(true);
    expect(isDismissed('u2')).toBe(false);
    vi.unstubAllGlobals();
  });
});

describe('push support', () => {
  it('says iOS Safari outside the installed app cannot get reminders, and how to install', () => {
    const s = pushSupport({ ...CHROME, ios: true, installed: false });
    expect(s).toBe('ios-browser');
    expect(supportMessage(s)).toMatch(/Add to Home Screen/);
    expect(pushSupport({ ...CHROME, ios: true, installed: true })).toBe('ok');
  });
  it('says a browser without PushManager cannot, and a blocked permission is named', () => {
    expect(pushSupport({ ...CHROME, pushManager: false })).toBe('unsupported');
    expect(pushSupport({ ...CHROME, permission: 'denied' })).toBe('denied');
    expect(supportMessage('ok')).toBeNull();
  });
  it('decodes the base64url VAPID key to its 65 raw bytes', () => {
    const raw = new Uint8Array(65).map((_, i) => (i * 37) % 256);
    raw[0] = 4;
    const b64url = btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(Array.from(keyBytes(b64url))).toEqual(Array.from(raw));
  });
});

describe('a push and its tap', () => {
  it('shows the title and body the server sent', () => {
    const m = readPush(JSON.stringify({ title: 'Loadline', body: 'Time for today’s log.', url: '/log', tag: 'daily_reminder' }));
    expect(m).toEqual({ title: 'Loadline', body: 'Time for today’s log.', url: '/log', tag: 'daily_reminder' });
  });
  it('shows a plain "Open Loadline" for an unreadable payload', () => {
    expect(readPush('not json').body).toBe('Open Loadline.');
    expect(readPush(null).title).toBe('Loadline');
    expect(readPush('{"title": 5}').title).toBe('Loadline');
  });
  it('opens only pages of this origin', () => {
    expect(targetUrl('/clinician/referrals', ORIGIN)).toBe(`${ORIGIN}/clinician/referrals`);
    expect(targetUrl(`${ORIGIN}/log`, ORIGIN)).toBe(`${ORIGIN}/log`);
    expect(targetUrl('https://evil.example/phish', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(targetUrl('//evil.example/x', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(targetUrl('javascript:alert(1)', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(targetUrl(undefined, ORIGIN)).toBe(`${ORIGIN}/`);
  });
  it('focuses a window already on the page, else moves an open one there, else opens one', async () => {
    const open = vi.fn(async () => null);
    const onPage = { url: `${ORIGIN}/log`, focus: vi.fn(async () => null), navigate: vi.fn(async () => null) };
    await openTarget([onPage], `${ORIGIN}/log`, open);
    expect(onPage.focus).toHaveBeenCalled();
    expect(onPage.navigate).not.toHaveBeenCalled();

    const elsewhere = { url: `${ORIGIN}/history`, focus: vi.fn(async () => null), navigate: vi.fn(async () => null) };
    await openTarget([elsewhere], `${ORIGIN}/log`, open);
    expect(elsewhere.navigate).toHaveBeenCalledWith(`${ORIGIN}/log`);
    expect(open).not.toHaveBeenCalled();

    await openTarget([], `${ORIGIN}/log`, open);
    expect(open).toHaveBeenCalledWith(`${ORIGIN}/log`);
  });
});
