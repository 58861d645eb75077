// One form for every objective test; the fields follow the kind (GET /test-kinds).
import { useState } from 'preact/hooks';
import { ApiError, errorsByField } from '../api/http';
import { announce } from '../store';
import { Notice } from '../ui/Page';
import { failure } from './useLoad';
import type { TestIn, TestKind } from './types';

type Side = 'left' | 'right' | 'both';
const num = (s: string): number | null => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

function Input(p: { id: string; label: string; value: string; set: (v: string) => void; error?: string | undefined; type?: string; hint?: string }) {
  return (
    <div class="field">
      <label class="label" for={p.id}>
        {p.label}
      </label>
      {p.hint && <p class="hint">{p.hint}</p>}
      <input id={p.id} type={p.type ?? 'number'} inputMode={p.type ? undefined : 'decimal'} value={p.value} aria-invalid={p.error ? 'true' : undefined} onInput={(e) => p.set((e.currentTarget as HTMLInputElement).value)} />
      {p.error && <p class="error">{p.error}</p>}
    </div>
  );
}

export function TestForm({ kinds, save, idPrefix }: { kinds: TestKind[]; save: (body: TestIn) => Promise<unknown>; idPrefix: string }) {
  const [kind, setKind] = useState<TestKind['kind']>(kinds[0]?.kind ?? 'other');
  const [left, setLeft] = useState('');
  const [right, setRight] = useState('');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState('');
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side | ''>('');
  const [result, setResult] = useState<'positive' | 'negative' | ''>('');
  const [note, setNote] = useState('');
  const [fe, setFe] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const k = kinds.find((x) => x.kind === kind);
  const id = (s: string) => `${idPrefix}-${s}`;
  const pairs = k?.sides === 'both';
  const takesValue = kind === 'straight_leg_raise' || kind === 'other';
  const units = k?.units ?? [];
  const unitNow = unit || units[0] || '';

  async function submit(e: Event) {
    e.preventDefault();
    setFe({});
    const body: TestIn = { kind };
    if (pairs) {
      body.left = num(left);
      body.right = num(right);
      body.unit = unitNow || null;
      if (side) body.side = side;
    }
    if (k?.sides === 'one') body.side = side || null;
    if (k?.result) body.result = result || null;
    if (takesValue) {
      body.value = num(value);
      body.unit = kind === 'other' ? unit.trim() || null : unitNow || null;
    }
    if (kind === 'other') body.name = name.trim() || null;
    if (note.trim()) body.note = note.trim();
    try {
      await save(body);
      setMsg({ kind: 'ok', text: `${k?.title ?? 'Test'} saved.` });
      announce('Test saved.');
      setLeft('');
      setRight('');
      setValue('');
      setNote('');
      setName('');
      setResult('');
    } catch (err) {
      if (err instanceof ApiError) setFe(errorsByField(err.problem));
      setMsg({ kind: 'error', text: failure(err, 'The test could not be saved.') });
    }
  }

  return (
    <form class="stack" onSubmit={submit} noValidate>
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      <div class="field">
        <label class="label" for={id('kind')}>
          Test
        </label>
        <select id={id('kind')} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TestKind['kind'])}>
          {kinds.map((x) => (
            <option key={x.kind} value={x.kind}>
              {x.title}
            </option>
          ))}
        </select>
        {k?.hint && <p class="hint">{k.hint}</p>}
      </div>
      {kind === 'other' && <Input id={id('name')} label="Name of the test" type="text" value={name} set={setName} error={fe.name} />}
      {pairs && (
        <div class="pair">
          <Input id={id('left')} label={`Left${unitNow ? ` (${unitNow})` : ''}`} value={left} set={setLeft} error={fe.left} />
          <Input id={id('right')} label={`Right${unitNow ? ` (${unitNow})` : ''}`} value={right} set={setRight} error={fe.right} />
        </div>
      )}
      {(pairs || k?.sides === 'one') && (
        <div class="field">
          <label class="label" for={id('side')}>
            {pairs ? 'Affected side (for the limb symmetry index)' : 'Side tested'}
          </label>
          <select id={id('side')} value={side} onChange={(e) => setSide((e.currentTarget as HTMLSelectElement).value as Side | '')}>
            <option value="">{pairs ? 'Not set (weaker / stronger)' : 'Choose'}</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
            {!pairs && <option value="both">Both</option>}
          </select>
          {fe.side && <p class="error">{fe.side}</p>}
        </div>
      )}
      {units.length > 1 && kind !== 'other' && (
        <div class="field">
          <label class="label" for={id('unit')}>
            Unit
          </label>
          <select id={id('unit')} value={unitNow} onChange={(e) => setUnit((e.currentTarget as HTMLSelectElement).value)}>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      )}
      {k?.result && (
        <fieldset class="field" role="radiogroup" aria-labelledby={id('result-l')}>
          <legend id={id('result-l')} class="label">
            Result
          </legend>
          {(['positive', 'negative'] as const).map((r) => (
            <label key={r} class="check-row">
              <input type="radio" name={id('result')} checked={result === r} onChange={() => setResult(r)} /> {r === 'positive' ? 'Positive' : 'Negative'}
            </label>
          ))}
          {fe.result && <p class="error">{fe.result}</p>}
        </fieldset>
      )}
      {takesValue && <Input id={id('value')} label={kind === 'straight_leg_raise' ? `Range (${unitNow || 'deg'})` : 'Value'} value={value} set={setValue} error={fe.value} />}
      {kind === 'other' && <Input id={id('unit-free')} label="Unit" type="text" value={unit} set={setUnit} error={fe.unit} />}
      <Input id={id('note')} label="Note (optional)" type="text" value={note} set={setNote} error={fe.note} />
      <button type="submit" class="btn">
        Save test
      </button>
    </form>
  );
}
