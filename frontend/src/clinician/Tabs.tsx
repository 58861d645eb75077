// An accessible tab list (WAI-ARIA tabs, automatic activation): arrow keys, Home and End move
// between tabs; the chosen tab is kept in the URL (?tab=plan) so it survives a reload and the
// back button. Adding a tab is one entry in the caller's list.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { navigate, useLocation } from '../router';

export interface TabDef {
  /** in the URL: ?tab=<id> */
  id: string;
  label: string;
  render: () => ComponentChildren;
}

/** The tab a URL asks for, or the first. */
export function chosenTab(tabs: readonly TabDef[], asked: string | null): TabDef {
  return tabs.find((t) => t.id === asked) ?? tabs[0]!;
}

export function Tabs({ tabs, label }: { tabs: readonly TabDef[]; label: string }) {
  const { path, search } = useLocation();
  const active = chosenTab(tabs, search.get('tab'));
  const list = useRef<HTMLDivElement>(null);

  function choose(id: string, focus: boolean) {
    const next = new URLSearchParams(search);
    next.set('tab', id);
    navigate(`${path}?${next.toString()}`, { replace: true });
    if (focus) requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#tab-${id}`)?.focus());
  }

  function onKey(e: KeyboardEvent) {
    const i = tabs.findIndex((t) => t.id === active.id);
    let j: number | null = null;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j === null) return;
    e.preventDefault();
    choose(tabs[j]!.id, true);
  }

  return (
    <>
      <div class="tablist" role="tablist" aria-label={label} ref={list} onKeyDown={onKey}>
        {tabs.map((t) => {
          const on = t.id === active.id;
          return (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              class="tab"
              aria-selected={on ? 'true' : 'false'}
              aria-controls={on ? `panel-${t.id}` : undefined}
              tabIndex={on ? 0 : -1}
              onClick={() => choose(t.id, false)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div class="tabpanel" role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} tabIndex={0}>
        {active.render()}
      </div>
    </>
  );
}
