// The current language and its dictionary; zh-CN unless the user switched (remembered locally).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Lang, type MessageKey } from './dictionaries.ts';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey) => string;
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

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
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
    const dictionary = dictionaries[lang];
    const numbers = new Intl.NumberFormat(lang);
    return { lang, setLang, t: (key) => dictionary[key], formatNumber: (n) => numbers.format(n) };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> above it');
  return value;
}
