// The wall display's sign-in: /wall?token=… exchanges the display token in its address for a
// read-only session cookie on every load, so a screen is set up by its address alone. Without a
// token the wall falls back to the ordinary sign-in (a person may open the wall too).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ApiProblem } from '../kit/api/problem.ts';
import { useI18n } from '../kit/i18n/i18n.tsx';
import { displaySession, ME_KEY } from '../features/auth/auth.queries.ts';
import { AuthGate } from './auth-gate.tsx';
import { onUnauthorized } from '../kit/api/session-events.ts';
import '../features/auth/auth.css';

export function WallGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const token = new URLSearchParams(window.location.search).get('token');
  const exchange = useQuery({
    queryKey: ['auth', 'display-session', token],
    queryFn: async () => {
      const { me } = await displaySession(token ?? '');
      queryClient.setQueryData(ME_KEY, me);
      return true;
    },
    enabled: token !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    // a screen keeps trying while the server is away; a refused token stays refused
    retry: (failures, error) =>
      !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) || failures > 1000,
    retryDelay: (n) => Math.min(60_000, 1000 * 2 ** n),
  });
  // the session ended under an unattended screen (expired, database restored): exchange the token again
  const { refetch } = exchange;
  useEffect(() => (token === null ? undefined : onUnauthorized(() => void refetch())), [token, refetch]);
  if (token !== null && exchange.isPending)
    return (
      <p className="auth-status wall-auth" role="status">
        {t('auth.wallSigningIn')}
      </p>
    );
  if (token !== null && exchange.isError)
    return (
      <p className="auth-status wall-auth" role="alert">
        {t('auth.wallTokenRefused')}
      </p>
    );
  return <AuthGate>{children}</AuthGate>;
}
