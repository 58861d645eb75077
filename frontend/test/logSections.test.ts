import { describe, expect, it } from 'vitest';
import { LOG_SECTIONS, sectionsFor, type SectionDef } from '../src/log/fields';

const order = (sections: readonly SectionDef[]): string[] => sections.map((s) => ('id' in s ? s.id : s.kind));

describe('log sections: a confirmed neural emphasis asks the nerve questions first', () => {
  it('neural: leg symptoms and glides first, then sitting, loading, running and the rest in their usual order', () => {
    expect(order(sectionsFor('neural'))).toEqual(['leg', 'glides', 'pain', 'loading', 'running', 'red-flags', 'more', 'notes']);
  });

  it('keeps every section once', () => {
    expect([...sectionsFor('neural')].sort((a, b) => order([a])[0]!.localeCompare(order([b])[0]!))).toEqual(
      [...LOG_SECTIONS].sort((a, b) => order([a])[0]!.localeCompare(order([b])[0]!)),
    );
  });

  it.each(['tendon', 'mixed', 'general', null, undefined])('%s: the usual order', (emphasis) => {
    expect(sectionsFor(emphasis)).toBe(LOG_SECTIONS);
    expect(order(sectionsFor(emphasis))).toEqual(['pain', 'leg', 'loading', 'running', 'glides', 'red-flags', 'more', 'notes']);
  });
});
