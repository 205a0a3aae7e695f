import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../app/dictionaries.ts';
import { parseViewState } from '../../kit/state/view-state.ts';
import { exportContent, exportFilename, exportLegend } from './export-content.ts';

const zh = dictionaries['zh-CN'];
const en = dictionaries.en;
const tZh = (k: keyof typeof zh) => zh[k];
const tEn = (k: keyof typeof en) => en[k];

describe('export content', () => {
  it('names the file after the local export minute', () => {
    // 01:05 UTC is 09:05 in the city (Asia/Shanghai), whatever zone the test machine is in
    expect(exportFilename(new Date('2026-11-03T01:05:00Z'))).toBe('态势图-20261103-0905.png');
  });

  it('titles a township view with its name, window and as-of day in Chinese', () => {
    const state = parseViewState('?view=township&township=3&from=2026-11-01&to=2026-12-01&asOf=2026-11-20');
    // 12:00 UTC is 20:00 on 30 November in the city (Asia/Shanghai)
    const content = exportContent(state, '城关镇', tZh, 'zh-CN', new Date('2026-11-30T12:00:00Z'));
    expect(content.title).toBe(zh['app.title']);
    expect(content.subtitle).toContain('城关镇');
    expect(content.subtitle).toContain('2026年11月1日 – 2026年11月30日');
    expect(content.subtitle).toContain('回看日期：2026年11月20日');
    expect(content.footer).toMatch(/^导出时间 2026年11月30日 20:00/);
  });

  it('says "now" and the default window in English when nothing is chosen', () => {
    const content = exportContent(parseViewState(''), null, tEn, 'en', new Date());
    expect(content.subtitle).toBe('Period: last 90 days  ·  As of: now');
  });

  it('lists legend entries only for the visible layers', () => {
    const labels = exportLegend(['venues', 'rebounds'], tEn).map((e) => e.label);
    expect(labels).toEqual([
      'high risk',
      'medium risk',
      'low risk',
      'graded too low (ring)',
      'found unregistered (hollow)',
      en['legend.rebounds'],
      en['legend.reboundHazard'],
    ]);
    // the marks are drawn as the map draws them, not as plain squares
    expect(exportLegend(['venues'], tEn).map((e) => e.mark)).toEqual([
      undefined,
      undefined,
      undefined,
      'ring',
      'hollow',
    ]);
    expect(exportLegend([], tEn)).toEqual([]);
  });
});

describe('export legend for blind spots', () => {
  it('includes the found-unregistered density ramp, low to high', () => {
    const ramp = exportLegend(['blind-spots'], tEn).find((e) => e.ramp);
    expect(ramp?.label).toBe(en['legend.unregisteredDensity']);
    expect(ramp?.ramp).toHaveLength(4);
  });
});

describe('export legend for grid cells', () => {
  it('captions the patrol-age bins once instead of repeating the layer name', () => {
    const entries = exportLegend(['grid-cells'], tZh);
    expect(entries[0]).toMatchObject({ label: '网格巡查 · 距上次巡查（天）', caption: true });
    expect(entries.slice(1).map((e) => e.label)).toEqual([
      '0-3',
      '4-7',
      '8-14',
      '15-30',
      '>30',
      '从未巡查',
      '无网格员（虚线）',
    ]);
    expect(entries.at(-1)?.mark).toBe('dashed');
  });
});
