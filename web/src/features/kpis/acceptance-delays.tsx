// Which joint-acceptance party is holding closures up: hazards waiting for it and its mean days,
// with a note of what they leave out (hazards imported closed without a rectification time).
import type { AcceptanceDelay, KpiSkipped } from '@svm/contract';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { formatDecimal } from '../../kit/format.ts';

export function AcceptanceDelays({ delays, skipped }: { delays: AcceptanceDelay[]; skipped?: KpiSkipped | undefined }) {
  const { t, lang, formatNumber } = useI18n();
  const worst = Math.max(0, ...delays.map((d) => d.waiting));
  return (
    <section className="panel-section" aria-labelledby="panel-delays-title">
      <h3 id="panel-delays-title" className="panel-subtitle">
        {t('townshipPanel.delays')}
      </h3>
      <table className="panel-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="panel-num">
              {t('townshipPanel.waiting')}
            </th>
            <th scope="col" className="panel-num">
              {t('townshipPanel.meanDays')}
            </th>
          </tr>
        </thead>
        <tbody>
          {delays.map((d) => (
            <tr key={d.party}>
              <th scope="row">{t(`party.${d.party}`)}</th>
              <td className={`panel-num${d.waiting > 0 && d.waiting === worst ? ' panel-bad' : ''}`}>
                {formatNumber(d.waiting)}
              </td>
              <td className="panel-num">{formatDecimal(lang, d.meanDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {skipped && skipped.waiting > 0 && (
        <p className="panel-muted" data-testid="delays-skipped-waiting">
          {t('kpi.skippedWaiting').replace('{n}', formatNumber(skipped.waiting))}
        </p>
      )}
      {skipped && skipped.signOffs > 0 && (
        <p className="panel-muted" data-testid="delays-skipped-signoffs">
          {t('kpi.skippedSignOffs').replace('{n}', formatNumber(skipped.signOffs))}
        </p>
      )}
    </section>
  );
}
