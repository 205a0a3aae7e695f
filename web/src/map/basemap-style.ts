// A deployment's own basemap (BASEMAP_STYLE_URL) under the project's layers: checks the fetched
// style, makes its URLs absolute, and merges the built-in style's sources and layers on top.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { STREETS_SOURCE } from '../features/streets/streets.layer.ts';

/** What a fetched style must have for MapLibre to draw it at all (it validates the rest itself). */
export function asStyle(json: unknown): StyleSpecification {
  const style = json as Partial<StyleSpecification> | null;
  if (typeof style !== 'object' || style === null || Array.isArray(style)) throw new Error('not a JSON object');
  if (style.version !== 8) throw new Error(`style version ${String(style.version)}, not 8`);
  if (typeof style.sources !== 'object' || style.sources === null || Array.isArray(style.sources))
    throw new Error('no sources object');
  if (!Array.isArray(style.layers)) throw new Error('no layers array');
  return style as StyleSpecification;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `url` resolved against the style's own URL. MapLibre fetches a style's URLs as written, so a
 * relative one ("tiles/{z}/{x}/{y}.pbf", "../fonts/{fontstack}/{range}.pbf") would be read
 * against the dashboard instead. The URL parser escapes the braces of the templates; they are
 * put back.
 */
export function resolveUrl(url: string, base: string): string {
  if (ABSOLUTE.test(url)) return url;
  return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

function resolveSource(source: SourceSpecification, base: string): SourceSpecification {
  const out = { ...source } as SourceSpecification & { url?: string; tiles?: string[]; data?: unknown };
  if (typeof out.url === 'string') out.url = resolveUrl(out.url, base);
  if (Array.isArray(out.tiles)) out.tiles = out.tiles.map((t) => resolveUrl(t, base));
  if (out.type === 'geojson' && typeof out.data === 'string') out.data = resolveUrl(out.data, base);
  return out;
}

function resolveSprite(sprite: StyleSpecification['sprite'], base: string): StyleSpecification['sprite'] {
  if (typeof sprite === 'string') return resolveUrl(sprite, base);
  return sprite?.map((s) => ({ ...s, url: resolveUrl(s.url, base) }));
}

/** A basemap id that one of ours also uses gets this prefix (ours keep theirs: the map code looks them up). */
const renamed = (id: string, taken: Set<string>) => {
  let name = `basemap-${id}`;
  while (taken.has(name)) name = `basemap-${name}`;
  return name;
};

/**
 * The built-in style `ours` drawn over `basemap` (fetched from `styleUrl`): the basemap's sources
 * and layers first, then ours without their plain background and the seed's streets (the basemap
 * has its own). The camera, projection and terrain stay the dashboard's: deck.gl's overlay and the
 * township framing assume a flat Mercator map. The basemap's glyphs and sprite are kept for its
 * own labels and icons; our labels still render, because CJK is drawn locally whatever the glyphs
 * URL (localIdeographFontFamily) and a glyph range its server lacks is drawn locally after the miss.
 */
export function mergeBasemap(
  basemap: StyleSpecification,
  ours: StyleSpecification,
  styleUrl: string,
): StyleSpecification {
  const sourceIds = new Set([...Object.keys(ours.sources), ...Object.keys(basemap.sources)]);
  const sourceName = new Map<string, string>();
  const sources: StyleSpecification['sources'] = {};
  for (const [id, source] of Object.entries(basemap.sources)) {
    const name = id in ours.sources ? renamed(id, sourceIds) : id;
    sourceIds.add(name);
    sourceName.set(id, name);
    sources[name] = resolveSource(source, styleUrl);
  }
  const kept = ours.layers.filter((l) => l.type !== 'background' && !('source' in l && l.source === STREETS_SOURCE));
  const layerIds = new Set([...kept.map((l) => l.id), ...basemap.layers.map((l) => l.id)]);
  const theirs = basemap.layers.map((layer): LayerSpecification => {
    const id = kept.some((l) => l.id === layer.id) ? renamed(layer.id, layerIds) : layer.id;
    layerIds.add(id);
    if (!('source' in layer) || typeof layer.source !== 'string') return { ...layer, id } as LayerSpecification;
    return { ...layer, id, source: sourceName.get(layer.source) ?? layer.source } as LayerSpecification;
  });
  const { center: _c, zoom: _z, bearing: _b, pitch: _p, projection: _pr, terrain: _t, ...rest } = basemap;
  return {
    ...rest,
    name: `${ours.name ?? 'svm'} on ${basemap.name ?? styleUrl}`,
    ...(basemap.glyphs ? { glyphs: resolveUrl(basemap.glyphs, styleUrl) } : {}),
    ...(basemap.sprite ? { sprite: resolveSprite(basemap.sprite, styleUrl) } : {}),
    sources: { ...sources, ...ours.sources },
    layers: [...theirs, ...kept],
  };
}
