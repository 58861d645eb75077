import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './Page';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

/** Code-split pages without preact/compat: loads the chunk, shows a retry when offline. */
export function lazyPage<P extends object>(load: Loader<P>): ComponentType<P> {
  let cached: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const [Comp, setComp] = useState<ComponentType<P> | null>(() => cached);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (cached) return;
      let alive = true;
      load()
        .then((m) => {
          cached = m.default;
          if (alive) setComp(() => m.default);
        })
        .catch(() => alive && setFailed(true));
      return () => {
        alive = false;
      };
    }, [attempt]);
    if (Comp) return <Comp {...props} />;
    if (failed) {
      return (
        <div class="notice notice-error" role="alert">
          <p>This page could not be loaded. Check your connection and try again.</p>
          <button
            type="button"
            class="btn"
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      );
    }
    return <Loading />;
  };
}
