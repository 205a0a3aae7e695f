// A township's cells worst first: which were not patrolled this week, for how long, and whose cell it is.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../../kit/state/view-state.ts';
import { formatPercent } from '../../kit/format.ts';
import { gridCellsQuery } from './grid-cells.queries.ts';
import { worstCells } from './worst-cells.ts';

const SHOWN = 12;

export function WorstCellsList({ township }: { township: number }) {
  const { t, tn, lang, formatNumber } = useI18n();
  const [state, update] = useViewState();
  const [all, setAll] = useState(false);
  const cells = useQuery(gridCellsQuery({ township, asOf: apiAsOf(state.asOf) }));
  const sorted = worstCells((cells.data?.features ?? []).map((f) => f.properties));
  const unpatrolled = sorted.filter((c) => c.unpatrolled).length;
  // every unpatrolled cell is always listed; the rest only on request
  const shown = all ? sorted : sorted.slice(0, Math.max(SHOWN, unpatrolled));
  return (
    <section className="panel-section" aria-labelledby="panel-cells-title">
      <h3 id="panel-cells-title" className="panel-subtitle">
        {t('townshipPanel.worstCells')}
        {cells.data && (
          <span className="panel-muted">
            {' '}
            · {t('townshipPanel.unpatrolled')} {formatNumber(unpatrolled)} / {formatNumber(sorted.length)}
          </span>
        )}
      </h3>
      <PanelStatus
        pending={cells.isPending}
        error={cells.error}
        onRetry={() => void cells.refetch()}
        empty={sorted.length === 0}
        emptyText={t('townshipPanel.cellsEmpty')}
      >
        <ul className="panel-list" aria-label={t('townshipPanel.worstCells')}>
          {shown.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="panel-list-button"
                onClick={() => update({ selection: { kind: 'cell', id: c.id } })}
              >
                <span className="panel-list-main">
                  <span className="panel-list-name">{c.name}</span>
                  <span className="panel-muted">
                    {c.unpatrolled && (
                      <span className="panel-tag panel-tag-alert">{t('townshipPanel.unpatrolled')}</span>
                    )}{' '}
                    {c.workerName ?? <span className="panel-bad">{t('townshipPanel.noWorker')}</span>}
                  </span>
                </span>
                <span className="panel-list-figure">
                  <span className={c.unpatrolled ? 'panel-bad' : undefined}>
                    {c.daysSincePatrol === null
                      ? t('townshipPanel.neverPatrolled')
                      : tn('townshipPanel.daysSince', c.daysSincePatrol)}
                  </span>
                  <br />
                  <span className="panel-muted">
                    {t('townshipPanel.overdueShare')} {formatPercent(lang, c.overdueShare)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        {shown.length < sorted.length && (
          <button type="button" className="panel-button" onClick={() => setAll(true)}>
            {t('panel.showAll')} ({formatNumber(sorted.length - shown.length)})
          </button>
        )}
      </PanelStatus>
    </section>
  );
}
