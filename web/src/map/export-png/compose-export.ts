// Draws an export: a title bar, the map image, a legend strip and a footer onto one canvas.
// Kept thin: the words and colours come from export-content.ts.
import type { ExportContent } from './export-content.ts';

export const EXPORT_FONT = "'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif";
const TITLE_H = 72;
const FOOTER_H = 28;
const ROW_H = 26;
const PAD = 16;

const swatchWidth = (entry: ExportContent['legend'][number]) => (entry.caption ? -8 : entry.ramp ? 56 : 14);

/** Rows the legend needs when its entries flow left to right across `width`. */
function legendRows(ctx: CanvasRenderingContext2D, content: ExportContent, width: number) {
  const rows: { x: number; entry: ExportContent['legend'][number] }[][] = [[]];
  let x = PAD;
  for (const entry of content.legend) {
    const w = swatchWidth(entry) + 8 + ctx.measureText(entry.label).width + 24;
    if (x + w > width - PAD && x > PAD) {
      rows.push([]);
      x = PAD;
    }
    rows[rows.length - 1]!.push({ x, entry });
    x += w;
  }
  return content.legend.length ? rows : [];
}

/** A point or line swatch as the map draws it, in a 14 px box centred on (x + 7, y). */
function drawMark(
  ctx: CanvasRenderingContext2D,
  mark: NonNullable<ExportContent['legend'][number]['mark']>,
  color: string,
  x: number,
  y: number,
) {
  ctx.save();
  ctx.beginPath();
  if (mark === 'dashed') {
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.moveTo(x, y);
    ctx.lineTo(x + 14, y);
    ctx.stroke();
  } else {
    ctx.arc(x + 7, y, mark === 'ring' ? 6 : 5, 0, 2 * Math.PI);
    ctx.fillStyle = mark === 'dot' ? color : '#ffffff';
    ctx.fill();
    if (mark !== 'dot') {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  ctx.restore();
}

export function composeExport(
  mapCanvas: CanvasImageSource,
  content: ExportContent,
  size: { width: number; height: number },
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.font = `14px ${EXPORT_FONT}`;
  const rows = legendRows(ctx, content, size.width);
  const legendH = rows.length ? rows.length * ROW_H + PAD : 0;
  canvas.width = size.width;
  canvas.height = TITLE_H + size.height + legendH + FOOTER_H;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#12263f';
  ctx.fillRect(0, 0, canvas.width, TITLE_H);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold 22px ${EXPORT_FONT}`;
  ctx.fillText(content.title, PAD, 24);
  ctx.font = `15px ${EXPORT_FONT}`;
  ctx.fillStyle = '#c9d6e8';
  ctx.fillText(content.subtitle, PAD, 54);

  ctx.drawImage(mapCanvas, 0, TITLE_H, size.width, size.height);

  ctx.font = `14px ${EXPORT_FONT}`;
  rows.forEach((row, i) => {
    const y = TITLE_H + size.height + PAD / 2 + i * ROW_H + ROW_H / 2;
    for (const { x, entry } of row) {
      if (entry.caption) {
        // text only
      } else if (entry.ramp) {
        const gradient = ctx.createLinearGradient(x, 0, x + 56, 0);
        entry.ramp.forEach((c, j) => gradient.addColorStop(j / Math.max(1, entry.ramp!.length - 1), c));
        ctx.fillStyle = gradient;
        ctx.fillRect(x, y - 6, 56, 12);
      } else if (entry.mark) {
        drawMark(ctx, entry.mark, entry.color, x, y);
      } else if (entry.outline) {
        ctx.strokeStyle = entry.color;
        ctx.lineWidth = 3;
        ctx.strokeRect(x + 1.5, y - 5.5, 11, 11);
        ctx.lineWidth = 1;
      } else {
        ctx.fillStyle = entry.color;
        ctx.fillRect(x, y - 7, 14, 14);
      }
      ctx.fillStyle = '#1f2933';
      ctx.fillText(entry.label, x + swatchWidth(entry) + 8, y);
    }
  });

  ctx.fillStyle = '#eef1f5';
  ctx.fillRect(0, canvas.height - FOOTER_H, canvas.width, FOOTER_H);
  ctx.fillStyle = '#5b6675';
  ctx.font = `12px ${EXPORT_FONT}`;
  ctx.fillText(content.footer, PAD, canvas.height - FOOTER_H / 2);
  return canvas;
}
