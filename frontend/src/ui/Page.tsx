import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { hasNavigated } from '../router';

/** The page's h1: sets the document title and takes focus after in-app navigation. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Loadline`;
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={ref} class="page-title">
      {children}
    </h1>
  );
}

export function Notice({ kind, children, id }: { kind: 'info' | 'warn' | 'error' | 'ok'; children: ComponentChildren; id?: string }) {
  return (
    <div class={`notice notice-${kind}`} id={id} role={kind === 'error' ? 'alert' : undefined}>
      {children}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}
