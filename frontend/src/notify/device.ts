// This device's push subscription: subscribe (permission, pushManager, POST), unsubscribe
// (browser and server), and whether it has one.
import { api } from '../api/client';
import { ApiError, failure } from '../api/http';
import { keyBytes } from './support';

export class PushUnavailable extends Error {}

/** The words for a failed notification step (the server's, the browser's, or offline). */
export function errorText(e: unknown): string {
  if (e instanceof PushUnavailable) return e.message;
  return failure(e, 'This browser could not set up notifications.');
}

async function registration(): Promise<ServiceWorkerRegistration> {
  if (!('serviceWorker' in navigator)) throw new PushUnavailable('This browser has no service worker.');
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  return reg ? reg.pushManager.getSubscription() : null;
}

/** Ask the browser, subscribe with the server's VAPID key and store the subscription. Returns
 * false when the person did not allow notifications. */
export async function subscribeDevice(): Promise<boolean> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return false;
  const key = await api.get('/me/push-key');
  if (!key.enabled || !key.public_key) throw new PushUnavailable('This server does not send notifications.');
  const reg = await registration();
  const wanted = keyBytes(key.public_key);
  let sub = await reg.pushManager.getSubscription();
  if (sub && !sameKey(sub.options?.applicationServerKey ?? null, wanted)) {
    await sub.unsubscribe(); // made with another server key (rotated): it would never deliver
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: wanted as BufferSource });
  const json = sub.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) throw new PushUnavailable('The browser gave an incomplete subscription.');
  await api.post('/me/push-subscriptions', {
    body: { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } },
  });
  return true;
}

function sameKey(have: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!have) return true; // not told: keep it
  const a = new Uint8Array(have);
  return a.length === wanted.length && a.every((b, i) => b === wanted[i]);
}

/** On sign-out: the server forgets this device if it can be reached, the browser forgets it
 * anyway (a push service then answers 410 and the server drops the row). */
export async function forgetDevice(): Promise<void> {
  const sub = await currentSubscription();
  if (!sub) return;
  await api.delete('/me/push-subscriptions', { body: { endpoint: sub.endpoint } }).catch(() => undefined);
  await sub.unsubscribe();
}

/** Stop push on this device: the server forgets it, then the browser. */
export async function unsubscribeDevice(): Promise<void> {
  const sub = await currentSubscription();
  if (!sub) return;
  try {
    await api.delete('/me/push-subscriptions', { body: { endpoint: sub.endpoint } });
  } catch (e) {
    // already gone on the server (404) is fine; anything else is reported
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  await sub.unsubscribe();
}
