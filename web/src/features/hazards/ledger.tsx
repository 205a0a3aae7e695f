// The hazard ledger (台账): filters, a paged table ("load more" follows the cursor) and a CSV export
// with the same filters. The filters, township and as-of day come from the URL view state.
import { useInfiniteQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, toLedgerView, useViewState } from '../../kit/state/view-state.ts';
import { formatDate } from '../../kit/format.ts';
import type { LedgerFilters as Filters } from '../../kit/api/api.ts';
import { LedgerFilters } from './ledger-filters.tsx';
import { hazardsQuery, ledgerExportHref } from './hazards.queries.ts';

export function Ledger() {
  const { t, tn, lang } = useI18n();
  const [state, update] = useViewState();
  // the filters live in the URL, so a link opens the same ledger
  const own = state.ledger;
  const filters: Filters = { ...own, township: state.township ?? undefined, asOf: apiAsOf(state.asOf) };
  const ledger = useInfiniteQuery(hazardsQuery(filters));
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const types = [
    ...new Map(
      rows.map((r) => [r.type.code, { code: r.type.code, name: lang === 'en' ? r.type.nameEn : r.type.name }]),
    ).values(),
  ];
  return (
    <section className="panel-section" aria-labelledby="panel-ledger-title">
      <div className="panel-header">
        <h2 id="panel-ledger-title" className="panel-title">
          {t('ledger.title')}
        </h2>
        <a className="panel-button" href={ledgerExportHref(filters)} download>
          ⤓ {t('ledger.export')}
        </a>
      </div>
      <LedgerFilters
        filters={own}
        onChange={(change) => update({ ledger: toLedgerView({ ...own, ...change }) })}
        types={types}
      />
      <PanelStatus
        pending={ledger.isPending}
        error={ledger.error}
        onRetry={() => void ledger.refetch()}
        empty={rows.length === 0}
        emptyText={t('ledger.empty')}
      >
        <ul className="panel-list" aria-label={t('ledger.title')}>
          {rows.map((r) => (
            <li key={r.id} className="panel-list-item">
              <span className="panel-row">
                <button
                  type="button"
                  className="panel-link"
                  onClick={() => update({ selection: { kind: 'venue', id: r.venue.id } })}
                >
                  {r.venue.name}
                </button>
                <span>{lang === 'en' ? r.type.nameEn : r.type.name}</span>
                <span
                  className={`panel-tag${r.status === 'closed' ? ' panel-tag-ok' : r.overdue ? ' panel-tag-alert' : ''}`}
                >
                  {t(`hazardStatus.${r.status}`)}
                </span>
                {r.reboundOf !== null && <span className="panel-tag panel-tag-alert">{t('venue.rebound')}</span>}
              </span>
              <span className="panel-muted">
                #{r.id} · {r.township?.name ?? '—'} · {t('ledger.found')} {formatDate(lang, r.foundAt)} ·{' '}
                {t('townshipPanel.responsible')} {r.responsiblePerson ?? '—'} ·{' '}
                <span className={r.overdue ? 'panel-bad' : undefined}>
                  {t('townshipPanel.deadline')} {formatDate(lang, r.deadline)}
                </span>
              </span>
            </li>
          ))}
        </ul>
        <div className="panel-row">
          <span className="panel-muted">{tn('ledger.rows', rows.length)}</span>
          {ledger.hasNextPage && (
            <button
              type="button"
              className="panel-button"
              disabled={ledger.isFetchingNextPage}
              onClick={() => void ledger.fetchNextPage()}
            >
              {ledger.isFetchingNextPage ? t('panel.loading') : t('ledger.loadMore')}
            </button>
          )}
        </div>
      </PanelStatus>
    </section>
  );
}
