// One legend row: a swatch (fill, outline, dashed, hatched, ring or hollow point) and its label.
import type { CSSProperties } from 'react';

export type SwatchKind = 'fill' | 'outline' | 'dashed' | 'hatched' | 'point' | 'hollow' | 'ring';

export function LegendSwatch({ kind, color, label }: { kind: SwatchKind; color: string; label: string }) {
  const style: CSSProperties =
    kind === 'fill'
      ? { background: color }
      : kind === 'hatched'
        ? {
            backgroundImage: `repeating-linear-gradient(45deg, ${color} 0 2px, transparent 2px 6px)`,
            border: `2px solid ${color}`,
          }
        : kind === 'point'
          ? { background: color, borderRadius: '50%' }
          : kind === 'hollow'
            ? { border: `2px solid ${color}`, borderRadius: '50%', background: '#fff' }
            : kind === 'ring'
              ? {
                  border: `2px solid ${color}`,
                  borderRadius: '50%',
                  boxShadow: `inset 0 0 0 3px #fff, inset 0 0 0 8px #9aa4b1`,
                }
              : { border: `${kind === 'outline' ? 3 : 2}px ${kind === 'dashed' ? 'dashed' : 'solid'} ${color}` };
  return (
    <li className="legend-row">
      <span className={`legend-swatch legend-swatch-${kind}`} style={style} aria-hidden="true" />
      {label}
    </li>
  );
}
