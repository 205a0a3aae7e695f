// What the signed-in caller may draw. A department reads the venues of its categories only;
// grid cells count every venue and patrol in them, so the server refuses cells, their tiles
// and blind spots to a department (403), and the map does not offer those layers.
import type { MeDto } from '@svm/contract';
import type { LayerId } from '../state/view-state.ts';

const CELL_LAYERS: readonly LayerId[] = ['grid-cells', 'unpatrolled', 'blind-spots'];

/** Whether the caller may see a layer (everyone may when nobody is known, as in component tests). */
export function layerAllowed(me: MeDto | null, id: LayerId): boolean {
  return me?.scope.kind !== 'department' || !CELL_LAYERS.includes(id);
}

/** Whether the caller may see grid cells at all (cell lists in panels). */
export const cellsAllowed = (me: MeDto | null) => me?.scope.kind !== 'department';
