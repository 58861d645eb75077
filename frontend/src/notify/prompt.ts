// When to ask for notifications: only after the patient's third log, never on a first visit,
// and never again on this device once they said "Not now" (or answered the browser). A
// browser that already allows notifications but has no subscription is still offered one.

import type { PushSupport } from './support';

export const LOGS_BEFORE_ASKING = 3;

const key = (userId: string) => `loadline:notify-prompt:${userId}`;

export function shouldAsk(p: { logged: number; support: PushSupport; permission: NotificationPermission | null; dismissed: boolean; subscribed: boolean }): boolean {
  return p.logged >= LOGS_BEFORE_ASKING && p.support === 'ok' && p.permission !== 'denied' && !p.dismissed && !p.subscribed;
}

export function isDismissed(userId: string): boolean {
  try {
    return localStorage.getItem(key(userId)) !== null;
  } catch {
    return false;
  }
}

/** Remember the answer on this device ("later" for Not now, "asked" once the browser asked). */
export function remember(userId: string, answer: 'later' | 'asked'): void {
  try {
    localStorage.setItem(key(userId), answer);
  } catch {
    /* private mode: the prompt may come back, nothing worse */
  }
}
