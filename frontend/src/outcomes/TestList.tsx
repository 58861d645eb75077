import { friendlyDate } from '../dates';
import { testResult } from './labels';
import type { TestOut } from './types';

export function TestList({ tests }: { tests: TestOut[] }) {
  if (!tests.length) return <p>No tests recorded yet.</p>;
  return (
    <ul class="plain test-list" data-testid="tests">
      {tests.map((t) => (
        <li key={t.id}>
          <strong>{t.name ?? t.title}</strong> · {friendlyDate(t.tested_on)}
          <br />
          {testResult(t)}
          <span class="hint">
            {' '}
            · {t.self_test ? 'self-test' : `recorded by ${t.recorded_by ?? 'a clinician'}`}
            {t.note ? ` · ${t.note}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
