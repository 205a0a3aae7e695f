// The view buttons (city / township / planner) and one checkbox per data layer, both bound to
// the URL view state.
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useNarrowScreen } from '../use-narrow-screen.ts';
import { LAYERS, VIEWS, useViewState, type LayerId } from '../../kit/state/view-state.ts';
import { cellsAllowed, layerAllowed } from '../../kit/account/allowed-layers.ts';
import { useMe } from '../../kit/account/me-context.tsx';

export function LayerSwitcher() {
  const { t } = useI18n();
  const [state, setState] = useViewState();
  const narrow = useNarrowScreen();
  const me = useMe();
  const toggle = (id: LayerId, on: boolean) =>
    setState({
      layers: on ? LAYERS.filter((l) => l === id || state.layers.includes(l)) : state.layers.filter((l) => l !== id),
    });
  return (
    <div className="map-card layer-switcher">
      <div className="view-buttons" role="group" aria-label={t('views.label')}>
        {/* the planner's view is about cells and blind spots, which a department does not see */}
        {VIEWS.filter((v) => v !== 'planner' || cellsAllowed(me)).map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={state.view === view}
            className={state.view === view ? 'view-button active' : 'view-button'}
            onClick={() => setState({ view, selection: null })}
          >
            {t(`views.${view}`)}
          </button>
        ))}
      </div>
      {/* folded on a phone, where it would cover most of the map */}
      <details open={!narrow}>
        <summary className="map-card-summary">{t('layers.label')}</summary>
        <fieldset className="layer-list">
          <legend className="visually-hidden">{t('layers.label')}</legend>
          {LAYERS.filter((id) => layerAllowed(me, id)).map((id) => (
            <label key={id} className="layer-option">
              <input
                type="checkbox"
                checked={state.layers.includes(id)}
                onChange={(e) => toggle(id, e.target.checked)}
              />
              {t(`layers.${id}`)}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
