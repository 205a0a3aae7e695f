// A township's overdue hazards: venue, type, the responsible person and the missed deadline.
import { useInfiniteQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../../kit/state/view-state.ts';
import { formatDate } from '../../kit/format.ts';
import { hazardsQuery } from './hazards.queries.ts';

export function OverdueHazardsList({ township }: { township: number }) {
  const { t, lang, formatNumber } = useI18n();
  const [state, update] = useViewState();
  // the ledger's request with these filters: its first page (the ledger may have loaded more)
  const hazards = useInfiniteQuery(hazardsQuery({ township, overdue: true, asOf: apiAsOf(state.asOf) }));
  const first = hazards.data?.pages[0];
  const items = first?.items ?? [];
  return (
    <section className="panel-section" aria-labelledby="panel-overdue-title">
      <h3 id="panel-overdue-title" className="panel-subtitle">
        {t('townshipPanel.overdueHazards')}
        {first && (
          <span className="panel-muted">
            {' '}
            · {formatNumber(items.length)}
            {first.nextCursor ? '+' : ''}
          </span>
        )}
      </h3>
      <PanelStatus
        pending={hazards.isPending}
        error={hazards.error}
        onRetry={() => void hazards.refetch()}
        empty={items.length === 0}
        emptyText={t('townshipPanel.hazardsEmpty')}
      >
        <ul className="panel-list">
          {items.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className="panel-list-button"
                onClick={() => update({ selection: { kind: 'venue', id: h.venue.id } })}
              >
                <span className="panel-list-main">
                  <span className="panel-list-name">{h.venue.name}</span>
                  <span className="panel-muted">
                    {lang === 'en' ? h.type.nameEn : h.type.name} · {t('townshipPanel.responsible')}{' '}
                    {h.responsiblePerson ?? '—'}
                  </span>
                </span>
                <span className="panel-list-figure panel-bad">
                  {t('townshipPanel.deadline')} {formatDate(lang, h.deadline)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </PanelStatus>
    </section>
  );
}
