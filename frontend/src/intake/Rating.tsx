// A 0-10 slider with its value in words beside the label (a native range: arrow keys work).
export function Rating(p: { id: string; label: string; hint?: string; value: number; onChange: (v: number) => void }) {
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <div class="field">
      <label class="label" for={p.id}>
        {p.label}: <output for={p.id}>{p.value}</output> / 10
      </label>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
      <input
        id={p.id}
        type="range"
        min={0}
        max={10}
        step={1}
        value={p.value}
        class="rating"
        aria-describedby={hintId}
        aria-valuetext={`${p.value} out of 10`}
        onInput={(e) => p.onChange(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <p class="og-anchors" aria-hidden="true">
        <span>0 not at all</span>
        <span>10 as bad as it gets</span>
      </p>
    </div>
  );
}

export function Check(p: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div class="check-row">
      <input id={p.id} type="checkbox" checked={p.checked} onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={p.id}>{p.label}</label>
    </div>
  );
}
