// The city's townships, sortable by patrol compliance (worst first) or overdue hazards (most first);
// choosing one drills down into it.
import type { TownshipProperties } from '@svm/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useViewState } from '../../kit/state/view-state.ts';
import { formatPercent } from '../../kit/format.ts';
import { useWindowParams } from '../../kit/state/use-window.ts';
import { townshipsQuery } from './townships.queries.ts';

type SortKey = 'compliance' | 'overdue';

const SORTS: Record<SortKey, (a: TownshipProperties, b: TownshipProperties) => number> = {
  // no active venue (null) sorts last
  compliance: (a, b) => (a.kpis.patrolCompliance ?? 2) - (b.kpis.patrolCompliance ?? 2),
  overdue: (a, b) => b.kpis.hazards.overdue - a.kpis.hazards.overdue,
};

export function TownshipList() {
  const { t, lang, formatNumber } = useI18n();
  const [, update] = useViewState();
  const [sort, setSort] = useState<SortKey>('compliance');
  const townships = useQuery(townshipsQuery(useWindowParams()));
  const rows = (townships.data?.features ?? []).map((f) => f.properties).sort(SORTS[sort]);
  return (
    <section className="panel-section" aria-labelledby="panel-townships-title">
      <div className="panel-header">
        <h2 id="panel-townships-title" className="panel-title">
          {t('townshipList.title')}
        </h2>
        <div className="panel-row" role="group" aria-label={t('townshipList.sortBy')}>
          {(['compliance', 'overdue'] as const).map((key) => (
            <button
              key={key}
              type="button"
              className="panel-button"
              aria-pressed={sort === key}
              onClick={() => setSort(key)}
            >
              {t(key === 'compliance' ? 'townshipList.byCompliance' : 'townshipList.byOverdue')}
            </button>
          ))}
        </div>
      </div>
      <PanelStatus
        pending={townships.isPending}
        error={townships.error}
        onRetry={() => void townships.refetch()}
        empty={rows.length === 0}
        emptyText={t('townshipList.empty')}
      >
        <div className="panel-list-head panel-muted" aria-hidden="true">
          <span>{t('townshipList.title')}</span>
          <span>
            {t('kpi.compliance')} · {t('kpi.overdueHazards')}
          </span>
        </div>
        <ul className="panel-list">
          {rows.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="panel-list-button"
                onClick={() => update({ view: 'township', township: p.id, selection: null })}
              >
                <span className="panel-list-name">{lang === 'en' ? p.nameEn : p.name}</span>
                <span className="panel-list-figure">
                  <span title={t('kpi.compliance')}>{formatPercent(lang, p.kpis.patrolCompliance)}</span>
                  {' · '}
                  <span
                    className={p.kpis.hazards.overdue > 0 ? 'panel-bad' : undefined}
                    title={t('kpi.overdueHazards')}
                  >
                    {formatNumber(p.kpis.hazards.overdue)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </PanelStatus>
    </section>
  );
}
