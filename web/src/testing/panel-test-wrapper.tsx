// Test wrapper for the panels: a fresh query client without retries and the chosen language.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { catalogs } from '../app/dictionaries.ts';
import { I18nProvider } from '../kit/i18n/i18n.tsx';
import type { Lang } from '../kit/i18n/messages.ts';

export function PanelTestWrapper({ children, lang = 'zh-CN' }: { children: ReactNode; lang?: Lang }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <I18nProvider catalogs={catalogs} initialLang={lang}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
