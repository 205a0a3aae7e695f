// The sign-in gate around the dashboard: asks /api/auth/me, shows the sign-in page when nobody is
// signed in (and again when any API call answers 401), and opens a township account's dashboard
// on its own township.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { MeDto } from '@svm/contract';
import { useI18n } from '../kit/i18n/i18n.tsx';
import { ME_KEY, meQuery } from '../features/auth/auth.queries.ts';
import { MeContext } from '../kit/account/me-context.tsx';
import { ownTownshipSearch } from '../features/auth/own-township.ts';
import { onUnauthorized } from '../kit/api/session-events.ts';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import '../features/auth/auth.css';

/** Puts a township account on its township before the dashboard reads the address. */
function openOwnTownship(me: MeDto): void {
  const search = ownTownshipSearch(me, window.location.search);
  if (search !== null)
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
}

export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const [placed, setPlaced] = useState<number | null>(null);

  useEffect(() => onUnauthorized(() => void queryClient.invalidateQueries({ queryKey: ME_KEY })), [queryClient]);

  const user = me.data ?? null;
  const who = user?.user?.id ?? null;
  useEffect(() => {
    if (!user || placed === who) return;
    openOwnTownship(user);
    setPlaced(who);
  }, [user, who, placed]);

  if (me.isPending)
    return (
      <p className="auth-status" role="status">
        {t('auth.checking')}
      </p>
    );
  if (me.isError) {
    return (
      <div className="auth-status" role="alert">
        <p>
          {t('status.errorTitle')}: {me.error.message}
        </p>
        <button type="button" onClick={() => void me.refetch()}>
          {t('status.retry')}
        </button>
      </div>
    );
  }
  if (!user) {
    return (
      <SignInPage
        onSignedIn={(signedIn) => {
          // what was cached belonged to nobody (or someone else): start afresh as this caller
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
          queryClient.setQueryData(ME_KEY, signedIn);
        }}
      />
    );
  }
  if (placed !== who) return null;
  return <MeContext.Provider value={user}>{children}</MeContext.Provider>;
}
