// Locale formatting of the dashboard's figures: shares as percentages, days and times on the
// city's clocks (its zone from GET /api/config, set by the city zone gate).
import { cityTimeZone } from '@svm/contract/constants';
import type { Lang } from './i18n/messages.ts';

export function formatPercent(lang: Lang, share: number | null): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, {
    timeZone: cityTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** A calendar day written YYYY-MM-DD, in the language's own form (2026年11月30日 / Nov 30, 2026). */
export function formatDay(lang: Lang, day: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function formatDateTime(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, {
    timeZone: cityTimeZone(),
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** One decimal at most, with the locale's separators. */
export function formatDecimal(lang: Lang, n: number | null): string {
  return n === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}
