// Loading and error states over the map; an error shows the server's problem title and detail.
import { ApiProblem } from '../api/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type StatusPanelProps = { kind: 'loading' } | { kind: 'error'; error: Error; onRetry: () => void };

export function StatusPanel(props: StatusPanelProps) {
  const { t } = useI18n();
  if (props.kind === 'loading') {
    return (
      <div className="status status-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('status.loading')}
      </div>
    );
  }
  const { error } = props;
  const headline = error instanceof ApiProblem ? `${error.title} (${error.status || '—'})` : error.name;
  const detail = error instanceof ApiProblem ? error.detail : error.message;
  return (
    <div className="status status-error" role="alert">
      <strong>{t('status.errorTitle')}</strong>
      <div className="status-problem">{headline}</div>
      <div className="status-detail">{detail}</div>
      <button type="button" onClick={props.onRetry}>
        {t('status.retry')}
      </button>
    </div>
  );
}
