// A small History API router: clean URLs (/log/2026-11-23), served by the backend's SPA fallback.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
let navigatedInApp = false;

export function currentPath(): string {
  return location.pathname;
}

/** True once the user moved inside the app (then pages move focus to their heading). */
export function hasNavigated(): boolean {
  return navigatedInApp;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (url.pathname + url.search === location.pathname + location.search && !opts.replace) return;
  navigatedInApp = true;
  if (opts.replace) history.replaceState(null, '', url.pathname + url.search + url.hash);
  else history.pushState(null, '', url.pathname + url.search + url.hash);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, force] = useState(0);
  useEffect(() => {
    const on = () => force((n) => n + 1);
    listeners.add(on);
    window.addEventListener('popstate', on);
    return () => {
      listeners.delete(on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

/** Intercepts same-origin link clicks so they navigate without a page load. */
export function installLinkInterceptor(): void {
  window.addEventListener('popstate', () => {
    navigatedInApp = true;
  });
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || !a.href || a.target || a.hasAttribute('download') || a.getAttribute('rel') === 'external') return;
    const url = new URL(a.href);
    if (url.origin !== location.origin) return;
    if (/^\/(api|docs|openapi\.json|healthz|readyz)/.test(url.pathname)) return;
    // in-page anchors (skip link, error summary) keep the browser's own scrolling and focus
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}

/** Matches "/clinician/patients/:id" against a path; returns params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) out[seg.slice(1)] = decodeURIComponent(s[i]!);
    else if (seg !== s[i]) return null;
  }
  return out;
}
