// What a click or hover on the map hits, in order: a venue point, a deck.gl object (cluster,
// cell), then a township polygon. Pure apart from the two picking calls it is given.
import { REBOUND_LABELS_LAYER_ID, REBOUNDS_LAYER_ID } from '../features/rebounds/rebounds.layer.ts';
import { GRID_CELLS_LAYER_ID, UNPATROLLED_LAYER_ID } from '../features/grid-cells/grid-cells.layer.ts';
import { UNREGISTERED_LAYER_ID } from '../features/blind-spots/blind-spots.layer.ts';
import type { ViewState } from '../kit/state/view-state.ts';

export interface Picked {
  layerId: string;
  id: unknown;
}

const DECK_KINDS: Record<string, 'cluster' | 'cell'> = {
  [REBOUNDS_LAYER_ID]: 'cluster',
  [REBOUND_LABELS_LAYER_ID]: 'cluster',
  [GRID_CELLS_LAYER_ID]: 'cell',
  [UNPATROLLED_LAYER_ID]: 'cell',
  [UNREGISTERED_LAYER_ID]: 'cell',
};

const asId = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

/** The view-state change a click makes, or null when it hit nothing selectable. */
export function clickChange(
  venue: Picked | null,
  deck: Picked | null,
  township: Picked | null,
): Partial<ViewState> | null {
  const venueId = asId(venue?.id);
  if (venueId) return { selection: { kind: 'venue', id: venueId } };
  const kind = deck ? DECK_KINDS[deck.layerId] : undefined;
  const deckId = asId(deck?.id);
  if (kind && deckId) return { selection: { kind, id: deckId } };
  const townshipId = asId(township?.id);
  if (townshipId) return { view: 'township', township: townshipId, selection: null };
  return null;
}

/** Whether the pointer is over something a click would select. */
export const isClickable = (venue: Picked | null, deck: Picked | null) =>
  asId(venue?.id) !== null || (deck !== null && deck.layerId in DECK_KINDS);
