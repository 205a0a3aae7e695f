// The ledger's filters: status, overdue, rebound, hazard type code and the party a hazard waits for.
import { useState } from 'react';
import { HAZARD_STATUSES, HAZARD_TYPE_CODE, JOINT_PARTIES } from '@svm/contract/constants';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import type { LedgerFilters as Filters } from '../../kit/api/api.ts';

export interface LedgerFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  /** type codes to suggest */
  types: { code: string; name: string }[];
}

export function LedgerFilters({ filters, onChange, types }: LedgerFiltersProps) {
  const { t } = useI18n();
  // the text being typed; only a well-formed code reaches the filter
  const [typeDraft, setTypeDraft] = useState(filters.type ?? '');
  return (
    <div className="panel-fieldset">
      <div className="panel-row">
        <label>
          {t('ledger.status')}
          <select
            className="panel-input"
            value={filters.status ?? ''}
            onChange={(e) => onChange({ status: e.target.value || undefined })}
          >
            <option value="">{t('ledger.all')}</option>
            {HAZARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`hazardStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ledger.party')}
          <select
            className="panel-input"
            value={filters.party ?? ''}
            onChange={(e) => onChange({ party: e.target.value || undefined })}
          >
            <option value="">{t('ledger.all')}</option>
            {JOINT_PARTIES.map((p) => (
              <option key={p} value={p}>
                {t(`party.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="panel-row">
        <label>
          <input
            type="checkbox"
            checked={filters.overdue === true}
            onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
          />
          {t('ledger.overdue')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={filters.rebound === true}
            onChange={(e) => onChange({ rebound: e.target.checked || undefined })}
          />
          {t('ledger.rebound')}
        </label>
        <label>
          {t('ledger.type')}
          <input
            className="panel-input"
            list="panel-ledger-types"
            size={14}
            value={typeDraft}
            placeholder="blocked_exit"
            onChange={(e) => {
              setTypeDraft(e.target.value);
              onChange({ type: HAZARD_TYPE_CODE.test(e.target.value) ? e.target.value : undefined });
            }}
          />
          <datalist id="panel-ledger-types">
            {types.map((ty) => (
              <option key={ty.code} value={ty.code}>
                {ty.name}
              </option>
            ))}
          </datalist>
        </label>
      </div>
    </div>
  );
}
