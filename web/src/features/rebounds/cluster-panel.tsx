// A selected rebound cluster: member hazards, venues, dominant hazard types and townships touched.
import { useQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../../kit/state/view-state.ts';
import { SelectionHeader } from '../../kit/components/selection-header.tsx';
import { reboundClustersQuery } from './rebounds.queries.ts';

export function ClusterPanel({ id }: { id: number }) {
  const { t, lang, formatNumber } = useI18n();
  const [state, update] = useViewState();
  const clusters = useQuery(reboundClustersQuery(apiAsOf(state.asOf)));
  const c = clusters.data?.features.find((f) => f.properties.id === id)?.properties;
  return (
    <section className="panel-section">
      <SelectionHeader kind={t('cluster.title')} title={`#${id}`} />
      <PanelStatus
        pending={clusters.isPending}
        error={clusters.error}
        onRetry={() => void clusters.refetch()}
        empty={!c}
        emptyText={t('cluster.notFound')}
      >
        {c && (
          <>
            <div className="panel-tiles">
              <div className="panel-tile">
                <div className="panel-tile-label">{t('cluster.members')}</div>
                <div className="panel-tile-value">{formatNumber(c.memberCount)}</div>
              </div>
              <div className="panel-tile">
                <div className="panel-tile-label">{t('cluster.venues')}</div>
                <div className="panel-tile-value">{formatNumber(c.venueCount)}</div>
              </div>
            </div>
            <dl className="panel-dl">
              <dt>{t('cluster.types')}</dt>
              <dd>
                {c.dominantTypes.map((d) => `${d.name} × ${formatNumber(d.count)}`).join(lang === 'en' ? '; ' : '、')}
              </dd>
              <dt>{t('cluster.townships')}</dt>
              <dd className="panel-row">
                {c.townships.map((tw) => (
                  <button
                    key={tw.id}
                    type="button"
                    className="panel-link"
                    onClick={() => update({ view: 'township', township: tw.id })}
                  >
                    {tw.name}
                  </button>
                ))}
              </dd>
              <dt>{t('cluster.hazardIds')}</dt>
              <dd>
                {c.hazardIds
                  .slice(0, 12)
                  .map((h) => `#${h}`)
                  .join(' ')}
                {c.hazardIds.length > 12 && ' …'}
              </dd>
            </dl>
            <h3 className="panel-subtitle">{t('cluster.venues')}</h3>
            <div className="panel-row">
              {c.venueIds.map((v) => (
                <button
                  key={v}
                  type="button"
                  className="panel-button"
                  onClick={() => update({ selection: { kind: 'venue', id: v } })}
                >
                  {t('venue.title')} #{v}
                </button>
              ))}
            </div>
          </>
        )}
      </PanelStatus>
    </section>
  );
}
