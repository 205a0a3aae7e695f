import type { TownshipCollection } from '@svm/contract';
import { describe, expect, it } from 'vitest';
import {
  TOWNSHIP_LABEL_POINTS_SOURCE,
  TOWNSHIP_LABELS_LAYER,
  townshipLabelLayer,
  townshipLabelPoints,
} from './townships.layer.ts';
import { townships } from '../../testing/panel-fixtures.ts';

describe('township labels', () => {
  it('turn each township into one point at its label point, carrying both names', () => {
    const twice: Pick<TownshipCollection, 'features'> = {
      features: [
        ...townships.features,
        {
          ...townships.features[0]!,
          id: 4,
          properties: {
            ...townships.features[0]!.properties,
            id: 4 as never,
            name: '西山镇',
            nameEn: 'Xishan',
            labelPoint: [121.4, 29.7],
          },
        },
      ],
    };
    expect(townshipLabelPoints(twice).features).toEqual([
      {
        type: 'Feature',
        id: 3,
        geometry: { type: 'Point', coordinates: [121.55, 29.85] },
        properties: { id: 3, name: '东湖街道', nameEn: 'Donghu' },
      },
      {
        type: 'Feature',
        id: 4,
        geometry: { type: 'Point', coordinates: [121.4, 29.7] },
        properties: { id: 4, name: '西山镇', nameEn: 'Xishan' },
      },
    ]);
  });

  it('are drawn from the point source, not the polygons (which MapLibre labels once per tile piece)', () => {
    const layer = townshipLabelLayer('zh-CN');
    expect(layer.id).toBe(TOWNSHIP_LABELS_LAYER);
    expect('source' in layer ? layer.source : null).toBe(TOWNSHIP_LABEL_POINTS_SOURCE);
  });
});
