// Reads pixels of a page screenshot (decoded by the browser's own PNG decoder, so no image
// library is needed) and finds screen points for map coordinates.
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

/** RGBA bytes of the (2r+1)² pixels around (x, y) of a screenshot, decoded by the page's own PNG decoder. */
function pixelsAround(page: Page, png: Buffer, x: number, y: number, r: number): Promise<number[]> {
  return page.evaluate(
    async ({ data, x, y, r }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      return Array.from(ctx.getImageData(Math.round(x) - r, Math.round(y) - r, 2 * r + 1, 2 * r + 1).data);
    },
    { data: png.toString('base64'), x, y, r },
  );
}

/** Median colour of the 7×7 pixels around (x, y) of a screenshot: thin streets and labels do not sway it. */
export async function colourAt(page: Page, png: Buffer, x: number, y: number): Promise<Rgb> {
  const px = await pixelsAround(page, png, x, y, 3);
  const channel = (c: number) => {
    const values: number[] = [];
    for (let i = c; i < px.length; i += 4) values.push(px[i]!);
    return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  };
  return [channel(0), channel(1), channel(2)];
}

/** Screen pixel of a [lon, lat] on the page's MapLibre map (window.__map). */
export function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (
      window as unknown as {
        __map: { project: (p: [number, number]) => { x: number; y: number }; getContainer: () => HTMLElement };
      }
    ).__map;
    const p = map.project(ll);
    const box = map.getContainer().getBoundingClientRect();
    return { x: p.x + box.left, y: p.y + box.top };
  }, lonLat);
}

/** Average of a ring's vertices: inside any convex cell (grid cells are Voronoi regions clipped to a township). */
export function ringCentre(ring: number[][]): [number, number] {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, pts.reduce((s, p) => s + p[1]!, 0) / pts.length];
}

/** Rough on-screen size of a ring in degrees (for picking cells big enough to sample). */
export function ringSpan(ring: number[][]): number {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/** Share of the (2r+1)² pixels around (x, y) within `tolerance` (per channel) of `rgb`: finds a badge under its digits. */
export async function shareNear(
  page: Page,
  png: Buffer,
  at: { x: number; y: number },
  r: number,
  rgb: Rgb,
  tolerance: number,
): Promise<number> {
  const px = await pixelsAround(page, png, at.x, at.y, r);
  let near = 0;
  for (let i = 0; i < px.length; i += 4) {
    if ([0, 1, 2].every((c) => Math.abs(px[i + c]! - rgb[c]!) <= tolerance)) near++;
  }
  return near / (px.length / 4);
}
