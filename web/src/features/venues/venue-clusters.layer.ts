// Venue counts as bubbles while the zoom is too far out for single venue points: per township
// (set just under its name label) below TOWNSHIP_CLUSTER_MAX_ZOOM, per grid cell above it.
import { TextLayer } from '@deck.gl/layers';
import type { LayerId } from '../../kit/state/view-state.ts';
import { TOWNSHIP_CLUSTER_MAX_ZOOM, type VenueCluster } from './venue-clusters.ts';
import { VENUE_MIN_ZOOM } from './venues.layer.ts';

export const VENUE_CLUSTERS_LAYER_ID = 'venue-clusters';
export const VENUE_CLUSTER_COLOR: [number, number, number] = [23, 50, 79];

/** Which clusters the zoom calls for, or none once the venue points take over. */
export const venueClusterLevel = (zoom: number): 'township' | 'cell' | null =>
  zoom >= VENUE_MIN_ZOOM ? null : zoom < TOWNSHIP_CLUSTER_MAX_ZOOM ? 'township' : 'cell';

export function venueClustersLayer(data: readonly VenueCluster[], state: { layers: readonly LayerId[]; zoom: number }) {
  const level = venueClusterLevel(state.zoom);
  return new TextLayer<VenueCluster>({
    id: VENUE_CLUSTERS_LAYER_ID,
    data,
    visible: state.layers.includes('venues') && level !== null,
    getPosition: (d) => d.position,
    getText: (d) => String(d.count),
    getSize: level === 'township' ? 15 : 12,
    getColor: [255, 255, 255, 255],
    fontWeight: 700,
    background: true,
    getBackgroundColor: [...VENUE_CLUSTER_COLOR, 225],
    getBorderColor: [255, 255, 255, 255],
    getBorderWidth: 1,
    backgroundPadding: [5, 2],
    // a township's bubble sits under its name, which MapLibre draws at the same spot
    getPixelOffset: level === 'township' ? [0, 20] : [0, 0],
    characterSet: '0123456789',
    updateTriggers: { getPixelOffset: [level], getSize: [level] },
    pickable: false,
  });
}
