import { describe, expect, it } from 'vitest';
import { FocusReturn, type FocusDoc } from '../src/ui/focusReturn';

/** A tiny page: elements that can be attached, removed, disabled and focused. */
class FakeEl {
  disabled = false;
  constructor(
    readonly name: string,
    private readonly page: FakePage,
  ) {}
  focus(): void {
    if (!this.disabled && this.page.attached.has(this)) this.page.activeElement = this as unknown as Element;
  }
}

class FakePage implements FocusDoc {
  attached = new Set<FakeEl>();
  activeElement: Element | null = null;
  readonly body: Element;
  readonly heading: FakeEl;
  readonly selectors = new Map<string, FakeEl>();
  constructor() {
    this.body = this.add('body') as unknown as Element;
    this.activeElement = this.body;
    this.heading = this.add('h1');
    this.selectors.set('#main h1', this.heading);
  }
  add(name: string): FakeEl {
    const el = new FakeEl(name, this);
    this.attached.add(el);
    return el;
  }
  remove(el: FakeEl): void {
    this.attached.delete(el);
    if (this.activeElement === (el as unknown as Element)) this.activeElement = this.body;
  }
  contains(node: Node | null): boolean {
    return this.attached.has(node as unknown as FakeEl);
  }
  querySelector(sel: string): Element | null {
    const el = this.selectors.get(sel);
    return el && this.attached.has(el) ? (el as unknown as Element) : null;
  }
  focusOn(el: FakeEl): void {
    el.focus();
  }
}

const name = (el: Element | null) => (el as unknown as FakeEl | null)?.name;

describe('takeover focus return', () => {
  it('remembers the element focused when it opens, not the dialog focused during an update', () => {
    const page = new FakePage();
    const save = page.add('save');
    const dialog = page.add('dialog');
    const fr = new FocusReturn(page);

    page.focusOn(save);
    expect(fr.opened()).toBe(true); // opens: remembers "save"
    page.focusOn(dialog);
    expect(fr.opened()).toBe(false); // the server's reasons arrive as an update while open
    expect(fr.opened()).toBe(false);
    page.remove(dialog); // "I understand"
    expect(name(fr.closed())).toBe('save');
    expect(name(page.activeElement)).toBe('save');
  });

  it('falls back to the main heading when the element is gone, was the body or cannot take focus', () => {
    for (const setup of ['removed', 'body', 'disabled'] as const) {
      const page = new FakePage();
      const save = page.add('save');
      const dialog = page.add('dialog');
      const fr = new FocusReturn(page);
      if (setup !== 'body') page.focusOn(save);
      fr.opened();
      page.focusOn(dialog);
      fr.opened();
      if (setup === 'removed') page.remove(save);
      if (setup === 'disabled') save.disabled = true;
      page.remove(dialog);
      expect(name(fr.closed()), setup).toBe('h1');
      expect(name(page.activeElement), setup).toBe('h1');
    }
  });

  it('does nothing when closed without having opened, and opens afresh next time', () => {
    const page = new FakePage();
    const a = page.add('a');
    const b = page.add('b');
    const fr = new FocusReturn(page);
    expect(fr.closed()).toBeNull();
    page.focusOn(a);
    fr.opened();
    fr.closed();
    page.focusOn(b);
    fr.opened();
    expect(name(fr.closed())).toBe('b');
  });
});
