import { useEffect, useRef } from 'preact/hooks';
import { setState, useAppState } from '../store';
import { REFERRAL_TEXT } from '../words';
import { FocusReturn } from './focusReturn';
import { Alert, Phone } from './Icons';

/**
 * An urgent or emergency referral takes over the whole screen (role="alertdialog", focused,
 * the rest of the app inert). Only an explicit acknowledgement closes it.
 */
export function Takeover() {
  const { takeover } = useAppState();
  const dialog = useRef<HTMLDivElement>(null);
  const focus = useRef<FocusReturn | null>(null);

  useEffect(() => {
    focus.current ??= new FocusReturn(document);
    const shell = document.getElementById('shell');
    if (takeover) {
      // Opening remembers where focus was; an update while open (the server's reasons) must not,
      // or it would remember the dialog itself.
      if (focus.current.opened()) {
        shell?.setAttribute('inert', '');
        shell?.setAttribute('aria-hidden', 'true');
        document.body.classList.add('no-scroll');
      }
      if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
    } else if (focus.current.isOpen) {
      shell?.removeAttribute('inert');
      shell?.removeAttribute('aria-hidden');
      document.body.classList.remove('no-scroll');
      focus.current.closed();
    }
  }, [takeover]);

  if (!takeover) return null;
  const emergency = takeover.level === 'emergency';
  const text = REFERRAL_TEXT[takeover.level];
  const messages = takeover.reasons.map((r) => r.message).filter(Boolean);
  return (
    <div
      class={`takeover takeover-${takeover.level}`}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="takeover-title"
      aria-describedby="takeover-desc"
      tabIndex={-1}
      ref={dialog}
      onKeyDown={(e) => {
        // keep focus inside the dialog
        if (e.key === 'Tab') {
          const items = dialog.current?.querySelectorAll<HTMLElement>('a[href], button');
          if (!items || items.length === 0) return;
          const first = items[0]!;
          const last = items[items.length - 1]!;
          if (e.shiftKey && document.activeElement === first) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
          }
        }
      }}
    >
      <div class="takeover-inner">
        <Alert class="icon takeover-icon" />
        <h2 id="takeover-title">{text.title}</h2>
        <div id="takeover-desc">
          <p class="takeover-lead">{text.body}</p>
          {emergency ? (
            <p>
              Some of the signs you reported can mean pressure on the nerves at the base of the spine. This needs to be checked
              straight away. Do not wait for an appointment.
            </p>
          ) : (
            <p>Phone your clinician or physiotherapist today and tell them what you noticed. Do not train until you have been seen.</p>
          )}
          {messages.length > 0 && (
            <ul class="takeover-reasons">
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </div>
        {emergency && (
          <p class="takeover-call">
            <Phone />
            <span>Call your local emergency number (for example 112, 999 or 911).</span>
          </p>
        )}
        <button type="button" class="btn btn-ack" onClick={() => setState({ takeover: null, lastAck: `${takeover.date}:${takeover.level}` })}>
          I understand
        </button>
      </div>
    </div>
  );
}
