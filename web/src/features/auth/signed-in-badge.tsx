// The header's signed-in badge: who (and for whom: township or department), read-only when so,
// and the sign-out button. Outside the sign-in gate (component tests) it renders nothing.
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { ME_KEY, signOut } from './auth.queries.ts';
import { useMe } from '../../kit/account/me-context.tsx';
import './auth.css';

function SignOutButton() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const out = async () => {
    await signOut().catch(() => undefined);
    // nothing cached for this caller may be shown to the next one
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  };
  return (
    <button type="button" className="signed-in-out" onClick={() => void out()}>
      {t('auth.signOut')}
    </button>
  );
}

export function SignedInBadge() {
  const { t, lang } = useI18n();
  const me = useMe();
  if (!me) return null;
  const where = me.township
    ? lang === 'en'
      ? me.township.nameEn
      : me.township.name
    : me.department
      ? lang === 'en'
        ? me.department.nameEn
        : me.department.name
      : null;
  const role = me.role ? t(`auth.role.${me.role}`) : t('auth.display');
  const name = me.user?.displayName ?? me.display?.label ?? '';
  return (
    <div className="signed-in" aria-label={t('auth.signedInAs')} data-role={me.role ?? 'display'}>
      {/* an account named after its role (市指挥中心) is not named twice */}
      {name !== role && <span className="signed-in-name">{name}</span>}
      <span className="signed-in-role">
        {where ? `${role} · ${where}` : role}
        {me.readOnly ? ` · ${t('auth.readOnly')}` : ''}
      </span>
      {me.user && <SignOutButton />}
    </div>
  );
}
