// The log page's hook for the reminder offer: nothing is loaded before the third log; then the
// offer's own chunk (NotifyPrompt) is fetched (precached, so offline too).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LOGS_BEFORE_ASKING } from './prompt';

type Props = { logged: number };
let loaded: ComponentType<Props> | null = null;

export function NotifyOffer({ logged }: Props) {
  const [Prompt, setPrompt] = useState<ComponentType<Props> | null>(() => loaded);
  const due = logged >= LOGS_BEFORE_ASKING;
  useEffect(() => {
    if (!due || loaded) return;
    let alive = true;
    import('./NotifyPrompt')
      .then((m) => {
        loaded = m.NotifyPrompt;
        if (alive) setPrompt(() => m.NotifyPrompt);
      })
      .catch(() => undefined); // offline before the chunk was cached: the offer can wait
    return () => {
      alive = false;
    };
  }, [due]);
  return due && Prompt ? <Prompt logged={logged} /> : null;
}
