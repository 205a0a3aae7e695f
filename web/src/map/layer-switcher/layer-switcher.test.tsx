import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogs } from '../../app/dictionaries.ts';
import { I18nProvider } from '../../kit/i18n/i18n.tsx';
import { LayerSwitcher } from './layer-switcher.tsx';

const renderSwitcher = () =>
  render(
    <I18nProvider catalogs={catalogs} initialLang="zh-CN">
      <LayerSwitcher />
    </I18nProvider>,
  );

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('the layer switcher', () => {
  it('checks the city view default layers and writes a toggle into the URL', () => {
    renderSwitcher();
    const venues = screen.getByRole('checkbox', { name: '小场所' });
    expect(screen.getByRole('checkbox', { name: '风险热力' })).toHaveProperty('checked', true);
    expect(venues).toHaveProperty('checked', false);

    fireEvent.click(venues);
    expect(new URLSearchParams(window.location.search).get('layers')).toBe('heatmap,venues,unpatrolled,rebounds');
    expect(screen.getByRole('checkbox', { name: '小场所' })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('checkbox', { name: '风险热力' }));
    expect(new URLSearchParams(window.location.search).get('layers')).toBe('venues,unpatrolled,rebounds');
  });

  it('switches to the planner view with its default layers and clears the selection', () => {
    window.history.replaceState(null, '', '/?sel=cell:4');
    renderSwitcher();
    fireEvent.click(screen.getByRole('button', { name: '规划盲区' }));
    expect(window.location.search).toBe('?view=planner');
    expect(screen.getByRole('button', { name: '规划盲区' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('checkbox', { name: '盲区' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: '反弹聚集区' })).toHaveProperty('checked', false);
  });
});
