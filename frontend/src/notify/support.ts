// Can this browser receive push at all, and how do we say so? Pure: the caller passes what the
// browser has, so the tests can play any browser.

export type PushSupport = 'ok' | 'unsupported' | 'ios-browser' | 'denied';

export interface BrowserFacts {
  serviceWorker: boolean;
  pushManager: boolean;
  notification: boolean;
  permission: NotificationPermission | null;
  /** iPhone or iPad (iPadOS reports a Mac with touch) */
  ios: boolean;
  /** running as an installed app (display-mode standalone, or Safari's navigator.standalone) */
  installed: boolean;
}

export function pushSupport(f: BrowserFacts): PushSupport {
  // iOS Safari offers push only to a web app added to the Home Screen.
  if (f.ios && !f.installed) return 'ios-browser';
  if (!f.serviceWorker || !f.pushManager || !f.notification) return 'unsupported';
  if (f.permission === 'denied') return 'denied';
  return 'ok';
}

export function browserFacts(): BrowserFacts {
  const nav = navigator as Navigator & { standalone?: boolean };
  const ua = nav.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && nav.maxTouchPoints > 1);
  const standalone = typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  return {
    serviceWorker: 'serviceWorker' in nav,
    pushManager: typeof window !== 'undefined' && 'PushManager' in window,
    notification: typeof Notification !== 'undefined',
    permission: typeof Notification !== 'undefined' ? Notification.permission : null,
    ios,
    installed: standalone || nav.standalone === true,
  };
}

/** The plain sentence for a browser that cannot get reminders (null when it can). */
export function supportMessage(s: PushSupport): string | null {
  switch (s) {
    case 'ios-browser':
      return 'On iPhone and iPad, reminders work only in the installed app: in Safari tap Share, then “Add to Home Screen”, and open Loadline from there.';
    case 'unsupported':
      return 'This browser cannot receive notifications, so Loadline cannot remind you here. You can still log every day.';
    case 'denied':
      return 'Notifications are blocked for Loadline in this browser. To get reminders, allow them in the browser’s site settings.';
    default:
      return null;
  }
}

/** The base64url VAPID public key as the bytes `pushManager.subscribe` takes. */
export function keyBytes(base64url: string): Uint8Array {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
