// What a push carries and where a tap leads. Shared by the service worker (src/sync/sw.ts) and
// the tests; no DOM or worker types here, so it compiles under both.
//
// The server's payload (app/notify/texts.py) is JSON: title, body, url, tag. Nothing clinical
// is in it by design; the app shows the details after sign-in.

export interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
}

const FALLBACK: PushMessage = { title: 'Loadline', body: 'Open Loadline.', url: '/', tag: 'loadline' };

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : null;
}

/** The message in a push's data (a JSON string); anything unreadable shows a plain "Open Loadline". */
export function readPush(raw: string | null | undefined): PushMessage {
  if (!raw) return FALLBACK;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return FALLBACK;
  }
  if (typeof data !== 'object' || data === null) return FALLBACK;
  const d = data as Record<string, unknown>;
  return {
    title: text(d.title, 120) ?? FALLBACK.title,
    body: text(d.body, 300) ?? FALLBACK.body,
    url: text(d.url, 500) ?? FALLBACK.url,
    tag: text(d.tag, 64) ?? FALLBACK.tag,
  };
}

/** The page a tap opens: the payload's URL if it is on this origin, otherwise the app's start. */
export function targetUrl(url: unknown, origin: string): string {
  if (typeof url !== 'string') return `${origin}/`;
  try {
    const target = new URL(url, origin);
    if (target.origin !== origin) return `${origin}/`;
    return target.href;
  } catch {
    return `${origin}/`;
  }
}

interface WindowLike {
  url: string;
  focus(): Promise<unknown>;
  navigate?(url: string): Promise<unknown>;
}

/** Focus a window already showing the target, else one of ours moved there, else a new one. */
export async function openTarget(windows: readonly WindowLike[], target: string, openWindow: (url: string) => Promise<unknown>): Promise<void> {
  const same = windows.find((w) => w.url === target);
  if (same) {
    await same.focus();
    return;
  }
  const any = windows[0];
  if (any?.navigate) {
    try {
      await any.navigate(target);
      await any.focus();
      return;
    } catch {
      /* a window not controlled by this worker cannot be navigated: open a new one */
    }
  }
  await openWindow(target);
}
