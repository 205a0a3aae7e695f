import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Header } from './header.tsx';
import { catalogs, en, zhCN } from './dictionaries.ts';
import { I18nProvider } from '../kit/i18n/i18n.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('the language switch', () => {
  it('shows the zh-CN title by default and switches to English and back', () => {
    render(
      <I18nProvider catalogs={catalogs}>
        <Header />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('社会面小场所安全治理 · 态势地图');
    expect(document.documentElement.lang).toBe('zh-CN');

    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('heading').textContent).toBe('Small-Venue Safety Governance · Situation Map');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('svm.lang')).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: '切换到中文' }));
    expect(screen.getByRole('heading').textContent).toBe('社会面小场所安全治理 · 态势地图');
  });

  it('remembers English for the next visit', () => {
    localStorage.setItem('svm.lang', 'en');
    render(
      <I18nProvider catalogs={catalogs}>
        <Header />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe(en['app.title']);
  });

  it('has an English string for every zh-CN key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.values(en).every((s) => s.length > 0)).toBe(true);
  });
});
