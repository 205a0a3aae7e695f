import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../app/dictionaries.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import type { Lang } from './messages.ts';
import { pluralOf, pluralRules } from './plural.ts';

const counts = [0, 1, 2];

function i18nIn(lang: Lang) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider catalogs={catalogs} initialLang={lang}>
      {children}
    </I18nProvider>
  );
  return renderHook(() => useI18n(), { wrapper }).result.current;
}

describe('counted phrases', () => {
  it('take English’s singular for 1 only, and zh-CN’s one form for every count', () => {
    const day = { one: '{n} day', other: '{n} days' };
    expect(counts.map((n) => pluralOf(pluralRules('en'), day, n, String(n)))).toEqual(['0 days', '1 day', '2 days']);
    expect(counts.map((n) => pluralOf(pluralRules('zh-CN'), { other: '{n} 天' }, n, String(n)))).toEqual([
      '0 天',
      '1 天',
      '2 天',
    ]);
  });

  it('read the app’s strings: "patrolled 1 day ago" in English, the same words for every count in zh-CN', () => {
    const en = i18nIn('en');
    expect(counts.map((n) => en.tn('townshipPanel.daysSince', n))).toEqual([
      'patrolled 0 days ago',
      'patrolled 1 day ago',
      'patrolled 2 days ago',
    ]);
    expect(counts.map((n) => en.tn('ledger.rows', n))).toEqual(['0 rows', '1 row', '2 rows']);
    const zh = i18nIn('zh-CN');
    expect(counts.map((n) => zh.tn('townshipPanel.daysSince', n))).toEqual(['0 天前巡查', '1 天前巡查', '2 天前巡查']);
    expect(counts.map((n) => zh.tn('cell.daysOverdue', n))).toEqual(['逾期 0 天', '逾期 1 天', '逾期 2 天']);
  });

  it('write the count with the language’s separators unless told how to show it', () => {
    expect(i18nIn('en').tn('cell.daysOverdue', 1234)).toBe('1,234 days overdue');
    expect(i18nIn('en').tn('wall.rows', 1234, '1234')).toBe('1234 rows');
  });

  it('exist in both languages, English with a singular', () => {
    expect(Object.keys(catalogs.en.plurals).sort()).toEqual(Object.keys(catalogs['zh-CN'].plurals).sort());
    for (const forms of Object.values(catalogs.en.plurals)) expect(forms.one && forms.other).toBeTruthy();
  });
});
