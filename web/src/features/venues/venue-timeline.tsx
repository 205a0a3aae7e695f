// A venue's patrols and hazards on one timeline, newest first; each hazard with its transitions
// and joint-acceptance sign-offs.
import type { VenueHazardDto, VenuePatrolDto } from '@svm/contract';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { formatDate, formatDateTime } from '../../kit/format.ts';

type Entry = { at: string; patrol: VenuePatrolDto } | { at: string; hazard: VenueHazardDto };

const SHOWN = 40;

type T = ReturnType<typeof useI18n>['t'];
interface Step {
  at: string;
  failed: boolean;
  text: (t: T) => string;
}

/** A hazard's transitions and sign-offs in the order they happened. */
function steps(h: VenueHazardDto): Step[] {
  const transitions: Step[] = h.transitions.map((tr) => ({
    at: tr.at,
    failed: false,
    text: (t) => `${tr.from ? `${t(`hazardStatus.${tr.from}`)} → ` : ''}${t(`hazardStatus.${tr.to}`)} · ${tr.actor}`,
  }));
  const signOffs: Step[] = h.acceptances.map((a) => ({
    at: a.at,
    failed: !a.passed,
    text: (t) =>
      `${t('venue.signOff')} ${t(`party.${a.party}`)} · ${a.actor} · ${t(a.passed ? 'venue.passed' : 'venue.failed')}`,
  }));
  // a sign-off sorts before the transition it caused at the same moment
  return [...signOffs, ...transitions].sort((a, b) => a.at.localeCompare(b.at));
}

export function VenueTimeline({ patrols, hazards }: { patrols: VenuePatrolDto[]; hazards: VenueHazardDto[] }) {
  const { t, lang } = useI18n();
  const entries: Entry[] = [
    ...patrols.map((patrol) => ({ at: patrol.at, patrol })),
    ...hazards.map((hazard) => ({ at: hazard.foundAt, hazard })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, SHOWN);
  if (entries.length === 0) return <div className="panel-state panel-empty">{t('venue.historyEmpty')}</div>;
  return (
    <ol className="panel-timeline">
      {entries.map((e) =>
        'patrol' in e ? (
          <li key={`p${e.patrol.id}`}>
            <span className="panel-muted">{formatDateTime(lang, e.at)}</span> {t('venue.patrol')} ·{' '}
            {e.patrol.worker.name} ·{' '}
            <span className={e.patrol.result === 'hazards_found' ? 'panel-bad' : undefined}>
              {t(`result.${e.patrol.result}`)}
            </span>
            {e.patrol.note && <div className="panel-muted">{e.patrol.note}</div>}
          </li>
        ) : (
          <li key={`h${e.hazard.id}`} className="panel-timeline-hazard">
            <span className="panel-muted">{formatDateTime(lang, e.at)}</span> {t('venue.hazard')} #{e.hazard.id}{' '}
            <strong>{lang === 'en' ? e.hazard.type.nameEn : e.hazard.type.name}</strong>{' '}
            <span
              className={`panel-tag${e.hazard.status === 'closed' ? ' panel-tag-ok' : e.hazard.overdue ? ' panel-tag-alert' : ''}`}
            >
              {t(`hazardStatus.${e.hazard.status}`)}
            </span>
            {e.hazard.reboundOf !== null && (
              <span className="panel-tag panel-tag-alert">
                {t('venue.rebound')} ← #{e.hazard.reboundOf}
              </span>
            )}
            <div className="panel-muted">
              {t('townshipPanel.responsible')} {e.hazard.responsiblePerson ?? '—'} · {t('townshipPanel.deadline')}{' '}
              {formatDate(lang, e.hazard.deadline)}
            </div>
            <ul className="panel-list">
              {steps(e.hazard).map((step, i) => (
                <li key={i} className={step.failed ? 'panel-bad' : 'panel-muted'}>
                  {formatDateTime(lang, step.at)} {step.text(t)}
                </li>
              ))}
            </ul>
          </li>
        ),
      )}
    </ol>
  );
}
