// Camera requests from outside the map (the venue search, a link to a venue): a small
// publish/subscribe so panels need no handle on the MapLibre instance.
import type { Position } from '@svm/contract';

/** Street zoom: a chosen venue's neighbours and its rebound hazards are shown from here. */
export const FLY_TO_ZOOM = 16;

type Listener = (position: Position) => void;
const listeners = new Set<Listener>();

/** Asks the map to fly to a place; a no-op while no map is listening. */
export function requestFlyTo(position: Position): void {
  for (const listener of listeners) listener(position);
}

/** Subscribes the map; returns the unsubscribe. */
export function onFlyTo(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
