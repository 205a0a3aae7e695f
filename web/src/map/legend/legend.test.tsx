import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../../app/dictionaries.ts';
import { I18nProvider } from '../../kit/i18n/i18n.tsx';
import { Legend } from './legend.tsx';

afterEach(cleanup);

describe('the map legend', () => {
  it('shows one section per visible layer, titled by the layer, in the switcher order given', () => {
    render(
      <I18nProvider catalogs={catalogs} initialLang="zh-CN">
        <Legend layers={['heatmap', 'unpatrolled', 'rebounds']} zoom={10} />
      </I18nProvider>,
    );
    const legend = screen.getByRole('complementary', { name: '图例' });
    const titles = within(legend)
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(titles).toEqual(['风险热力', '未巡网格', '反弹聚集区']);
    expect(within(legend).getByText('1,000+')).toBeTruthy();
  });

  it('explains the patrol-age bins and blind spots in English', () => {
    render(
      <I18nProvider catalogs={catalogs} initialLang="en">
        <Legend layers={['grid-cells', 'blind-spots']} zoom={12} />
      </I18nProvider>,
    );
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual(['Grid patrols', 'Blind spots']);
    for (const bin of ['0-3', '4-7', '8-14', '15-30', '>30', 'never patrolled'])
      expect(screen.getByText(bin)).toBeTruthy();
    expect(screen.getByText('not covered by any cell (hatched)')).toBeTruthy();
  });

  it('is not shown when every layer is off', () => {
    render(
      <I18nProvider catalogs={catalogs} initialLang="zh-CN">
        <Legend layers={[]} zoom={10} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});
