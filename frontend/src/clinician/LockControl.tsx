// Lock / Unlock for one component of the plan. Locking asks why first (optional; the reason is
// kept in the plan's history, which the patient sees too); Escape or Cancel closes the question.
import { useEffect, useRef, useState } from 'preact/hooks';
import { COMPONENT_NAME, type PlanComponent } from './planTypes';

interface Props {
  component: PlanComponent;
  locked: boolean;
  busy: boolean;
  /** Lock (with a reason or null) or unlock; resolves when done. */
  onToggle: (reason: string | null) => Promise<void>;
  /** The lock question opened (the tab clears its last notice). */
  onAsk?: () => void;
}

export function LockControl({ component, locked, busy, onToggle, onAsk }: Props) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const refocus = useRef(false);
  const name = COMPONENT_NAME[component].toLowerCase();
  const id = `lock-why-${component}`;

  useEffect(() => {
    if (asking) inputRef.current?.focus();
  }, [asking]);
  // After a lock, an unlock or a cancel, focus stays on this component's button.
  useEffect(() => {
    if (refocus.current && !asking) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [locked, asking]);

  function close(): void {
    refocus.current = true;
    setAsking(false);
    setReason(''); // a cancelled reason is not kept for the next lock
  }

  async function lock(e: Event): Promise<void> {
    e.preventDefault();
    if (busy) return;
    await onToggle(reason.trim() || null);
    close();
  }

  if (asking && !locked) {
    return (
      <form class="lock-form" onSubmit={(e) => void lock(e)} onKeyDown={(e) => e.key === 'Escape' && close()}>
        <label for={id}>Why lock {name}? (optional, shown in the plan’s history)</label>
        <input id={id} ref={inputRef} type="text" maxLength={200} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <div class="row-gap">
          {/* aria-disabled, not disabled, while saving: the button keeps keyboard focus */}
          <button type="submit" class="btn btn-small btn-primary" aria-disabled={busy ? 'true' : undefined}>
            Lock {name}
          </button>
          <button type="button" class="btn btn-small" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <button
      ref={buttonRef}
      type="button"
      class="btn btn-small"
      aria-disabled={busy ? 'true' : undefined}
      onClick={() => {
        if (busy) return;
        if (!locked) {
          onAsk?.();
          setAsking(true);
          return;
        }
        refocus.current = true;
        void onToggle(null);
      }}
    >
      {locked ? `Unlock ${name}` : `Lock ${name}`}
    </button>
  );
}
