// The title bar: product name, who is signed in (with sign-out) and the language switch.
import { SignedInBadge } from '../features/auth/signed-in-badge.tsx';
import { useI18n } from '../kit/i18n/i18n.tsx';

export function Header() {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="header">
      <h1 className="header-title">{t('app.title')}</h1>
      <SignedInBadge />
      <button
        type="button"
        className="header-lang"
        aria-label={t('app.switchLanguageLabel')}
        onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('app.switchLanguage')}
      </button>
    </header>
  );
}
