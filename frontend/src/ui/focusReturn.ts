// Where focus goes back to when a modal closes (no Preact: used by the takeover and tests).

/** The bits of `document` this needs (a fake one in tests). */
export interface FocusDoc {
  readonly activeElement: Element | null;
  readonly body: Element | null;
  contains(node: Node | null): boolean;
  querySelector(selectors: string): Element | null;
}

/** The page's main heading, then the main region: where focus goes if the remembered element is gone. */
export const FOCUS_FALLBACK = ['#main h1', '#main'];

function focusable(el: Element | null): el is HTMLElement {
  return !!el && typeof (el as HTMLElement).focus === 'function';
}

/**
 * Remembers the element focused when a modal opens (updates while it is open do not change it)
 * and returns focus there when it closes: or, if that element has left the page, was the body
 * or cannot take focus any more (disabled, inert), to the page's main heading.
 */
export class FocusReturn {
  private previous: Element | null = null;
  private open = false;

  constructor(private readonly doc: FocusDoc) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** Call on every render of the modal; remembers the focus only on the first (opening) one. Returns true on opening. */
  opened(): boolean {
    if (this.open) return false;
    this.open = true;
    this.previous = this.doc.activeElement;
    return true;
  }

  /** Call when the modal closes; returns the element that received focus (null if none could). */
  closed(): HTMLElement | null {
    if (!this.open) return null;
    this.open = false;
    const prev = this.previous;
    this.previous = null;
    const candidates: (Element | null)[] = [];
    if (prev && prev !== this.doc.body && this.doc.contains(prev)) candidates.push(prev);
    for (const sel of FOCUS_FALLBACK) candidates.push(this.doc.querySelector(sel));
    for (const el of candidates) {
      if (!focusable(el)) continue;
      el.focus();
      if (this.doc.activeElement === el) return el;
    }
    return null;
  }
}
