// The sign-in page: username and password, one message for every refusal (the server does not
// say which was wrong), the throttle's wait when it answers 429, and the language switch.
import { useState, type FormEvent } from 'react';
import type { MeDto } from '@svm/contract';
import { ApiProblem } from '../../kit/api/problem.ts';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { signIn } from './auth.queries.ts';
import './auth.css';

export function SignInPage({ onSignedIn }: { onSignedIn: (me: MeDto) => void }) {
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { me } = await signIn(username.trim(), password);
      onSignedIn(me);
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 429) {
        const wait = Number(err.problem.retryAfter);
        setError(
          Number.isFinite(wait) && wait > 0
            ? `${t('auth.throttled')}（${wait} ${t('auth.retryInSeconds')}）`
            : t('auth.throttled'),
        );
      } else if (err instanceof ApiProblem && (err.status === 401 || err.status === 400)) {
        setError(t('auth.wrongCredentials'));
      } else {
        setError(t('auth.failed'));
      }
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <div className="sign-in-top">
          <button
            type="button"
            className="sign-in-lang"
            aria-label={t('app.switchLanguageLabel')}
            onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
          >
            {t('app.switchLanguage')}
          </button>
        </div>
        <p className="sign-in-subtitle">{t('auth.subtitle')}</p>
        <h1 id="sign-in-title" className="sign-in-title">
          {t('auth.title')}
        </h1>
        <label className="sign-in-field">
          <span>{t('auth.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="sign-in-field">
          <span>{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="sign-in-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="sign-in-submit" disabled={busy}>
          {busy ? t('auth.busy') : t('auth.submit')}
        </button>
      </form>
    </main>
  );
}
