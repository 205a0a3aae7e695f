// A selected grid cell: its worker, its last patrols (who, when, which venue, result), its overdue venues.
import { useQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../../kit/state/view-state.ts';
import { formatDateTime } from '../../kit/format.ts';
import { SelectionHeader } from '../../kit/components/selection-header.tsx';
import { cellDetailQuery } from './grid-cells.queries.ts';

export function CellPanel({ id }: { id: number }) {
  const { t, tn, lang, formatNumber } = useI18n();
  const [state, update] = useViewState();
  const detail = useQuery(cellDetailQuery(id, apiAsOf(state.asOf)));
  const d = detail.data;
  const select = (venue: number) => update({ selection: { kind: 'venue', id: venue } });
  return (
    <section className="panel-section">
      <SelectionHeader kind={t('cell.title')} title={d ? d.cell.name : ''} />
      <PanelStatus pending={detail.isPending} error={detail.error} onRetry={() => void detail.refetch()}>
        {d && (
          <>
            <dl className="panel-dl">
              <dt>{t('cell.worker')}</dt>
              <dd>{d.cell.workerName ?? <span className="panel-bad">{t('townshipPanel.noWorker')}</span>}</dd>
              <dt>{t('cell.lastPatrol')}</dt>
              <dd className={d.cell.unpatrolled ? 'panel-bad' : undefined}>
                {d.cell.daysSincePatrol === null
                  ? t('townshipPanel.neverPatrolled')
                  : `${formatDateTime(lang, d.cell.lastPatrolAt)} · ${tn('townshipPanel.daysSince', d.cell.daysSincePatrol)}`}
              </dd>
              <dt>{t('townshipPanel.overdueShare')}</dt>
              <dd>
                {formatNumber(d.cell.overdueVenueCount)} / {formatNumber(d.cell.venueCount)}
              </dd>
            </dl>
            <h3 className="panel-subtitle">{t('cell.overdueVenues')}</h3>
            {d.overdueVenues.length === 0 ? (
              <div className="panel-state panel-empty">{t('cell.overdueVenuesEmpty')}</div>
            ) : (
              <ul className="panel-list">
                {d.overdueVenues.map((v) => (
                  <li key={v.id}>
                    <button type="button" className="panel-list-button" onClick={() => select(v.id)}>
                      <span className="panel-list-name">
                        {v.name} <span className="panel-muted">{t(`venueRisk.${v.riskLevel}`)}</span>
                      </span>
                      <span className="panel-list-figure panel-bad">{tn('cell.daysOverdue', v.daysOverdue)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="panel-subtitle">{t('cell.patrols')}</h3>
            {d.patrols.length === 0 ? (
              <div className="panel-state panel-empty">{t('cell.patrolsEmpty')}</div>
            ) : (
              <div className="panel-table-wrap">
                <table className="panel-table">
                  <tbody>
                    {d.patrols.map((p) => (
                      <tr key={p.id}>
                        <td>{formatDateTime(lang, p.at)}</td>
                        <td>{p.worker.name}</td>
                        <td>
                          <button type="button" className="panel-link" onClick={() => select(p.venue.id)}>
                            {p.venue.name}
                          </button>
                        </td>
                        <td className={p.result === 'hazards_found' ? 'panel-bad' : undefined}>
                          {t(`result.${p.result}`)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </PanelStatus>
    </section>
  );
}
