// A selected venue: its facts, the assigned vs computed grade with the rules that fired, and its history.
import { useQuery } from '@tanstack/react-query';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../../kit/state/view-state.ts';
import { formatDateTime } from '../../kit/format.ts';
import { SelectionHeader } from '../../kit/components/selection-header.tsx';
import { venueDetailQuery } from './venues.queries.ts';
import { VenueTimeline } from './venue-timeline.tsx';

export function VenuePanel({ id }: { id: number }) {
  const { t, lang, formatNumber } = useI18n();
  const [state] = useViewState();
  const detail = useQuery(venueDetailQuery(id, apiAsOf(state.asOf)));
  const d = detail.data;
  const yesNo = (b: boolean) => (b ? <span className="panel-bad">{t('venue.yes')}</span> : t('venue.no'));
  return (
    <section className="panel-section">
      <SelectionHeader kind={t('venue.title')} title={d ? d.venue.name : ''} />
      <PanelStatus pending={detail.isPending} error={detail.error} onRetry={() => void detail.refetch()}>
        {d && (
          <>
            <dl className="panel-dl">
              <dt>{t('venue.address')}</dt>
              <dd>{d.venue.address || '—'}</dd>
              <dt>{t('venue.category')}</dt>
              <dd>{t(`category.${d.venue.category}`)}</dd>
              {d.venue.externalId ? (
                <>
                  <dt>{t('venue.externalId')}</dt>
                  <dd>{d.venue.externalId}</dd>
                </>
              ) : null}
              <dt>{t('venue.registration')}</dt>
              <dd>
                {t(`venue.${d.venue.registration}`)}
                {d.venue.status === 'closed' && <span className="panel-tag"> {t('venue.closed')}</span>}
              </dd>
              <dt>{t('venue.lastPatrol')}</dt>
              <dd className={d.venue.overdue ? 'panel-bad' : undefined}>
                {formatDateTime(lang, d.venue.lastPatrolAt)}
                {d.venue.overdue && ` · ${t('venue.overdue')}`}
              </dd>
              <dt>{t('venue.occupancy')}</dt>
              <dd>{formatNumber(d.venue.occupancy)}</dd>
              <dt>{t('venue.floorArea')}</dt>
              <dd>{formatNumber(d.venue.floorAreaM2)}</dd>
              <dt>{t('venue.indoorEbikeCharging')}</dt>
              <dd>{yesNo(d.venue.indoorEbikeCharging)}</dd>
              <dt>{t('venue.chargingNearStock')}</dt>
              <dd>{yesNo(d.venue.chargingNearStock)}</dd>
              <dt>{t('venue.flammablesStored')}</dt>
              <dd>{yesNo(d.venue.flammablesStored)}</dd>
              <dt>{t('venue.peopleLivingOnSite')}</dt>
              <dd>{yesNo(d.venue.peopleLivingOnSite)}</dd>
            </dl>
            <h3 className="panel-subtitle">{t('venue.grade')}</h3>
            <div className="panel-row">
              <span>
                {t('venue.assigned')} <strong>{t(`venueRisk.${d.grade.assigned}`)}</strong>
              </span>
              <span>
                {t('venue.computed')} <strong>{t(`venueRisk.${d.grade.computed}`)}</strong>
              </span>
              <span className="panel-muted">
                {t('venue.score')} {formatNumber(d.grade.score)}
              </span>
              {d.grade.misgraded && <span className="panel-tag panel-tag-alert">{t('venue.misgraded')}</span>}
            </div>
            {d.grade.rules.length === 0 ? (
              <div className="panel-muted">{t('venue.rulesEmpty')}</div>
            ) : (
              <ul className="panel-list" aria-label={t('venue.rules')}>
                {d.grade.rules.map((r) => (
                  <li key={r.code} className="panel-list-item">
                    <span>
                      {lang === 'en' ? r.nameEn : r.name} <span className="panel-muted">+{formatNumber(r.points)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="panel-subtitle">{t('venue.history')}</h3>
            <VenueTimeline patrols={d.patrols} hazards={d.hazards} />
          </>
        )}
      </PanelStatus>
    </section>
  );
}
