// The current language and its strings; zh-CN unless the user switched (remembered locally).
// The app passes the catalogs in: the kit knows the shape of the strings, not the strings.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Catalog, Lang, MessageKey, PluralKey } from './messages.ts';
import { pluralOf, pluralRules } from './plural.ts';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey) => string;
  /** a counted phrase in the count's plural form ("1 day", "2 days"); {n} is the count, locale-formatted unless `shown` is given */
  tn: (key: PluralKey, n: number, shown?: string) => string;
  setLang: (lang: Lang) => void;
  /** locale-aware number formatting (thousands separators) */
  formatNumber: (n: number) => string;
}

const STORAGE_KEY = 'svm.lang';
const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' || value === 'zh-CN' ? value : null;
  } catch {
    return null; // storage can be disabled (private mode, kiosk policies)
  }
}

export interface I18nProviderProps {
  children: ReactNode;
  /** every language's strings */
  catalogs: Record<Lang, Catalog>;
  initialLang?: Lang;
}

export function I18nProvider({ children, catalogs, initialLang }: I18nProviderProps) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? storedLang() ?? 'zh-CN');
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; the switch still applies to this page
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const { messages, plurals } = catalogs[lang];
    const numbers = new Intl.NumberFormat(lang);
    const rules = pluralRules(lang);
    return {
      lang,
      setLang,
      t: (key) => messages[key],
      tn: (key, n, shown = numbers.format(n)) => pluralOf(rules, plurals[key], n, shown),
      formatNumber: (n) => numbers.format(n),
    };
  }, [lang, setLang, catalogs]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> above it');
  return value;
}
