// Education cards (/learn): each readable in about a minute; the text and sources are the API's.
import { api } from '../api/client';
import { Loading, Notice, PageTitle } from '../ui/Page';
import { useLoad } from './useLoad';
import './outcomes.css';

export default function LearnPage() {
  const { data, error } = useLoad(() => api.get('/education'));
  return (
    <>
      <PageTitle title="Learn">Learn</PageTitle>
      <p class="subtitle">Short guides, about a minute each.</p>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <nav aria-label="Guides">
            <ul class="plain inline-list">
              {data.cards.map((c) => (
                <li key={c.id}>
                  <a href={`#card-${c.id}`}>{c.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {data.cards.map((c) => (
            <article key={c.id} id={`card-${c.id}`} class="card edu-card" aria-labelledby={`card-${c.id}-h`}>
              <h2 id={`card-${c.id}-h`} class="h-section">
                {c.title}
              </h2>
              <p class="hint">About {c.minutes} minute{c.minutes === 1 ? '' : 's'} to read</p>
              <p>
                <strong>{c.summary}</strong>
              </p>
              {c.paragraphs.map((t, i) => (
                <p key={i}>{t}</p>
              ))}
              {c.sources.length > 0 && (
                <p class="small muted">Sources: {c.sources.map((s) => `[${s.id}] ${s.title}`).join('; ')}</p>
              )}
              <p class="fineprint">{c.disclaimer}</p>
            </article>
          ))}
          <p class="fineprint">{data.disclaimer}</p>
        </>
      )}
    </>
  );
}
