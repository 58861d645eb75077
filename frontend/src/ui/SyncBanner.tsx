import { useAppState } from '../store';
import { syncNow } from '../services';
import { formatTimestamp, shortLabel, todayIn } from '../dates';
import { Cloud, Alert } from './Icons';

/** Shows what is saved on this phone but not yet on the server. */
export function SyncBanner() {
  const { outbox, online, syncing, me } = useAppState();
  if (!me || me.role !== 'patient' || outbox.total === 0) return null;
  const needs = outbox.entries.filter((e) => e.status === 'needs_attention');
  const today = todayIn(me.timezone);
  const last = outbox.lastSyncAt ? `Last synced ${formatTimestamp(outbox.lastSyncAt)}.` : 'Not synced yet.';
  return (
    <div class="sync-banner" data-testid="sync-banner">
      {outbox.pending > 0 && (
        <div class="sync-line">
          <Cloud />
          <p>
            <strong>Saved on this phone — waiting to sync ({outbox.pending})</strong>
            <span class="sync-sub">
              {' '}
              {last} {online ? '' : 'You are offline; it will sync when you reconnect.'}
            </span>
          </p>
          {outbox.authRequired ? (
            <a class="btn btn-small" href={`/signin?next=${encodeURIComponent(location.pathname)}`}>
              Sign in to sync
            </a>
          ) : (
            <button type="button" class="btn btn-small" disabled={syncing} onClick={() => void syncNow('manual')}>
              {syncing ? 'Syncing…' : 'Sync now'}
            </button>
          )}
        </div>
      )}
      {needs.length > 0 && (
        <div class="sync-line sync-attention">
          <Alert />
          <div>
            <strong>
              {needs.length === 1 ? '1 saved entry needs attention' : `${needs.length} saved entries need attention`}
            </strong>
            <ul class="inline-list">
              {needs.map((e) => (
                <li key={e.key}>
                  <a href={e.date === today ? '/' : `/log/${e.date}`}>Fix the entry for {shortLabel(e.date)}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
