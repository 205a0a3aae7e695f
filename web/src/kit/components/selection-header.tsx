// The title row of a selection panel with its close button (close returns to the view).
import { useI18n } from '../i18n/i18n.tsx';
import { useViewState } from '../state/view-state.ts';

export function SelectionHeader({ kind, title }: { kind: string; title: string }) {
  const { t } = useI18n();
  const [, update] = useViewState();
  return (
    <div className="panel-header">
      <h2 className="panel-title">
        <span className="panel-muted">{kind}</span> {title}
      </h2>
      <button
        type="button"
        className="panel-button"
        aria-label={t('panel.close')}
        onClick={() => update({ selection: null })}
      >
        ✕ {t('panel.close')}
      </button>
    </div>
  );
}
