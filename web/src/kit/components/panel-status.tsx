// The loading, empty and error states of one panel section; an error shows the problem's detail.
import type { ReactNode } from 'react';
import { ApiProblem } from '../api/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface PanelStatusProps {
  /** what the section waits on; `error` wins over `pending` */
  pending: boolean;
  error: Error | null;
  onRetry?: () => void;
  /** true when the data came back with nothing to show */
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}

export function PanelStatus({ pending, error, onRetry, empty, emptyText, children }: PanelStatusProps) {
  const { t } = useI18n();
  if (error) {
    const title = error instanceof ApiProblem ? `${error.title} (${error.status || '—'})` : error.name;
    const detail = error instanceof ApiProblem ? error.detail : error.message;
    return (
      <div className="panel-state panel-error" role="alert">
        <strong>{t('status.errorTitle')}</strong>
        <div className="panel-muted">{title}</div>
        <div className="panel-error-detail">{detail}</div>
        {onRetry && (
          <button type="button" className="panel-button" onClick={onRetry}>
            {t('status.retry')}
          </button>
        )}
      </div>
    );
  }
  if (pending) {
    return (
      <div className="panel-state panel-loading" role="status" aria-live="polite">
        <span className="panel-spinner" aria-hidden="true" />
        {t('panel.loading')}
      </div>
    );
  }
  if (empty) return <div className="panel-state panel-empty">{emptyText ?? t('panel.empty')}</div>;
  return <>{children}</>;
}
