// Whether the screen is phone-narrow: the map's cards start folded there so the map stays visible.
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 640px)';

function subscribe(listener: () => void) {
  const media = globalThis.matchMedia?.(QUERY);
  media?.addEventListener('change', listener);
  return () => media?.removeEventListener('change', listener);
}

export const useNarrowScreen = () =>
  useSyncExternalStore(subscribe, () => globalThis.matchMedia?.(QUERY).matches ?? false);
