// Links to a question of the log form (the error summary, the plan's "now add your pain"):
// focus goes into the field itself, not only its box.

/** Moves focus to the question `id` (its chosen answer, or its first control) and shows it. */
export function focusField(e: Event, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  const target =
    el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  target.focus();
  el.scrollIntoView({ block: 'center' });
}
