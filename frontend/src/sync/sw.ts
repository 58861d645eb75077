/// <reference lib="webworker" />
// Our own service worker (vite-plugin-pwa injectManifest): precached app shell, SPA navigation
// fallback, and Background Sync that drains the same IndexedDB outbox as the page.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { createAuth, defaultLocks } from '../auth';
import { openTarget, readPush, targetUrl } from '../notify/message';
import { getDB } from './db';
import { createOutbox } from './outbox';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

interface SyncEventLike extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance?: boolean;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every in-app URL opens the precached index.html (offline too); API and server pages never do.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/docs/, /^\/redoc/, /^\/openapi\.json/, /^\/healthz/, /^\/readyz/, /^\/metrics/],
  }),
);

const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('loadline') : null;

const auth = createAuth({ db: getDB, fetch: (...a) => fetch(...a), locks: defaultLocks() });
const outbox = createOutbox({
  db: getDB,
  fetch: (...a) => fetch(...a),
  getAccessToken: (o) => auth.getAccessToken(o),
  getUserId: async () => (await auth.read())?.userId ?? null,
  locks: defaultLocks(),
  onChange: () => channel?.postMessage({ type: 'outbox-changed' }),
  onSynced: async (date, result) => {
    channel?.postMessage({ type: 'synced', date, result });
    // keep the page's cache of logs in step so the guidance shows even if no tab is open now
    try {
      const t = await auth.read();
      if (!t?.userId) return;
      const db = await getDB();
      const key = `logs:${t.userId}`;
      const logs = ((await db.get('kv', key)) as Array<Record<string, unknown>> | undefined) ?? [];
      const rec = { ...result.log, log_date: date, guidance: result.guidance, decision: result.guidance?.decision ?? null };
      const next = logs.filter((l) => l.log_date !== date);
      next.push(rec);
      next.sort((a, b) => (String(a.log_date) < String(b.log_date) ? -1 : 1));
      await db.put('kv', next.slice(-60), key);
    } catch {
      /* the page refetches anyway */
    }
  },
});

async function drainFromWorker(): Promise<void> {
  const res = await outbox.drain({ ignoreBackoff: true });
  // Rejecting asks the browser to retry the sync later (network or server trouble).
  if (res.offline || res.retrying.length > 0) throw new Error('outbox not fully synced');
}

self.addEventListener('sync', (event) => {
  const e = event as SyncEventLike;
  if (e.tag === 'outbox') e.waitUntil(drainFromWorker());
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'DRAIN') event.waitUntil(drainFromWorker().catch(() => undefined));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// Web Push (src/notify/message.ts): show what the server sent (title and body only, nothing
// clinical by design); a tap focuses or opens the page it names, on this origin only.
self.addEventListener('push', (event: PushEvent) => {
  const message = readPush(event.data?.text());
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, tag: message.tag, icon: '/icons/icon-192.png', badge: '/icons/icon-192.png', data: { url: message.url } }));
});

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const target = targetUrl(data?.url, self.location.origin);
  event.waitUntil(
    self.clients
      .matchAll({ type: 'window', includeUncontrolled: true })
      .then((windows) => openTarget(windows, target, (url) => self.clients.openWindow(url))),
  );
});
