// Maintenance (/maintenance, phase 6): the short weekly check that replaces the daily log, and
// every 4 weeks a re-check of what brings the pain on. A suggestion to step back is only that.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import type { components } from '../api/schema';
import { friendlyDate } from '../dates';
import { announce } from '../store';
import { Stepper } from '../ui/Fields';
import { Loading, Notice, PageTitle } from '../ui/Page';
import { ProvocationFields, START_MAP } from './ProvocationFields';
import { Check, Rating } from './Rating';
import { provocationLabel, type Provocation } from './words';

type Page = components['schemas']['MaintenancePage'];
type Result = components['schemas']['MaintenanceResult'];
type Card = components['schemas']['Card'];
type Programme = 'yes' | 'partly' | 'no';

function SeeClinician({ card }: { card: Card }) {
  return (
    <section class="card" aria-labelledby="see-h">
      <h2 id="see-h" class="h-section">
        {card.title}
      </h2>
      <ul>
        {card.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      <p class="hint">{card.notice}</p>
    </section>
  );
}

function Outcome({ result }: { result: Result }) {
  const { check, comparison } = result;
  return (
    <section class="card" aria-labelledby="res-h">
      <h2 id="res-h" class="h-section">
        Your check
      </h2>
      {check.suggest_step_back ? (
        <div class="notice notice-warn">
          <p>
            <strong>Some symptoms are back. Talk to your clinician about stepping back to an earlier phase.</strong> Nothing changes on its own.
          </p>
          <ul>
            {check.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Notice kind="ok">Saved. Nothing suggests a change: keep up your home programme.</Notice>
      )}
      {comparison?.against_previous && (
        <table class="table">
          <caption>Against your last re-check{comparison.previous_on ? ` (${friendlyDate(comparison.previous_on)})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Then</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {comparison.against_previous.map((c) => (
              <tr key={c.item}>
                <th scope="row">{provocationLabel(c.item)}</th>
                <td>{c.before}</td>
                <td>
                  {c.now}
                  {c.change >= 2 ? ' (up)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function MaintenancePage() {
  const [page, setPage] = useState<Page | null>(null);
  const [pain, setPain] = useState(0);
  const [sitting, setSitting] = useState<number | null>(60);
  const [programme, setProgramme] = useState<Programme>('yes');
  const [flare, setFlare] = useState(false);
  const [recheck, setRecheck] = useState(false);
  const [map, setMap] = useState<Provocation>(START_MAP);
  const [bridge, setBridge] = useState<{ left: number | null; right: number | null }>({ left: null, right: null });
  const [result, setResult] = useState<Result | null>(null);
  const [msg, setMsg] = useState<string | null>(null);

  const load = () =>
    api
      .get('/me/maintenance-checks')
      .then((p) => {
        setPage(p);
        setRecheck(p.recheck_due);
      })
      .catch((e: unknown) => setMsg(e instanceof ApiError ? problemMessage(e.problem) : 'Could not load your checks.'));
  useEffect(() => void load(), []);

  async function save(e: Event) {
    e.preventDefault();
    setMsg(null);
    try {
      const done = await api.post('/me/maintenance-checks', {
        body: {
          kind: recheck ? 'recheck' : 'weekly',
          pain_week: pain,
          sitting_minutes: sitting ?? 0,
          home_programme: programme,
          flare,
          self_tests: recheck && bridge.left !== null && bridge.right !== null ? [{ kind: 'single_leg_bridge', left: bridge.left, right: bridge.right, unit: 'reps' }] : [],
          ...(recheck ? { provocation: map } : {}),
        },
      });
      setResult(done);
      announce(done.check.suggest_step_back ? 'Saved. Talk to your clinician about stepping back.' : 'Check saved.');
      void load();
    } catch (err) {
      setMsg(err instanceof NetworkError ? 'You are offline. Try again when you are connected.' : err instanceof ApiError ? problemMessage(err.problem) : 'Could not save.');
    }
  }

  if (!page && !msg) return <Loading />;
  return (
    <>
      <PageTitle title="Maintenance check">Maintenance check</PageTitle>
      {msg && <Notice kind="error">{msg}</Notice>}
      {page && !page.in_maintenance && <Notice kind="info">Maintenance checks start in phase 6. Until then, keep to the daily log.</Notice>}
      {page?.in_maintenance && (
        <>
          <p class="hint">In maintenance the daily log is optional. This short check replaces it once a week{page.recheck_due ? '; a 4-weekly re-check is due' : ''}.</p>
          <form class="stack card" onSubmit={save} noValidate aria-labelledby="week-h">
            <h2 id="week-h" class="h-section">
              This week
            </h2>
            <Rating id="mc-pain" label="Worst pain this week" value={pain} onChange={setPain} />
            <Stepper id="mc-sitting" label="How long can you sit before it hurts?" noun="sitting" unit="minutes" value={sitting} onChange={setSitting} step={10} min={0} max={720} />
            <fieldset class="field">
              <legend class="label">Did your home programme happen?</legend>
              {(['yes', 'partly', 'no'] as Programme[]).map((v) => (
                <label class="opt" key={v}>
                  <input type="radio" name="mc-programme" value={v} checked={programme === v} onChange={() => setProgramme(v)} />
                  <span>{v === 'yes' ? 'Yes' : v === 'partly' ? 'Partly' : 'No'}</span>
                </label>
              ))}
            </fieldset>
            <Check id="mc-flare" label="I had a flare-up this week" checked={flare} onChange={setFlare} />
            <Check id="mc-recheck" label="Include the 4-weekly re-check (what brings the pain on)" checked={recheck} onChange={setRecheck} />
            {recheck && (
              <>
                <ProvocationFields prefix="mc" value={map} onChange={setMap} />
                <p class="hint">Self-test (optional): single-leg bridges, heel on a chair, repetitions until tired on each side.</p>
                <Stepper id="mc-bridge-left" label="Bridges, left leg" noun="left bridges" unit="repetitions" value={bridge.left} onChange={(left) => setBridge({ ...bridge, left })} step={1} min={0} max={200} />
                <Stepper id="mc-bridge-right" label="Bridges, right leg" noun="right bridges" unit="repetitions" value={bridge.right} onChange={(right) => setBridge({ ...bridge, right })} step={1} min={0} max={200} />
              </>
            )}
            <button type="submit" class="btn btn-primary">
              Save my check
            </button>
          </form>
          {result && <Outcome result={result} />}
        </>
      )}
      {page?.see_clinician && <SeeClinician card={page.see_clinician} />}
      {page && page.checks.length > 0 && (
        <section class="card" aria-labelledby="past-h">
          <h2 id="past-h" class="h-section">
            Earlier checks
          </h2>
          <ul>
            {page.checks.slice(0, 12).map((c) => (
              <li key={c.id}>
                {friendlyDate(c.checked_on)}: {c.kind === 'recheck' ? 're-check' : 'weekly'}, pain {c.pain_week}/10, sitting {c.sitting_minutes} min
                {c.suggest_step_back ? ' — suggested stepping back' : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
