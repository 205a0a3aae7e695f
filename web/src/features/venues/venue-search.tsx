// The venue search box: matches by name or address; choosing one selects it and asks the map to fly there.
import type { VenueFeature } from '@svm/contract';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { PanelStatus } from '../../kit/components/panel-status.tsx';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { apiAsOf, useViewState } from '../../kit/state/view-state.ts';
import { venueSearchQuery } from './venues.queries.ts';
import { useDebounced } from './use-debounced.ts';
import { requestFlyTo } from '../../kit/map/camera-requests.ts';

export function VenueSearch() {
  const { t } = useI18n();
  const [state, update] = useViewState();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const results = useQuery(venueSearchQuery(q, apiAsOf(state.asOf)));
  const listId = useId();
  const choose = (v: VenueFeature) => {
    update({ selection: { kind: 'venue', id: v.id } });
    requestFlyTo(v.geometry.coordinates);
    setOpen(false);
  };
  const items = results.data?.features ?? [];
  return (
    <div className="panel-search">
      <input
        className="panel-input"
        type="search"
        role="combobox"
        aria-expanded={open && q.length > 0}
        aria-controls={listId}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key === 'Enter' && items[0]) choose(items[0]);
        }}
      />
      {open && q.length > 0 && (
        <div className="panel-search-results" id={listId}>
          <PanelStatus
            pending={results.isPending}
            error={results.error}
            empty={items.length === 0}
            emptyText={t('search.empty')}
          >
            <ul className="panel-list" role="listbox" aria-label={t('search.label')}>
              {items.map((v) => (
                <li key={v.id} role="option" aria-selected={false}>
                  <button type="button" className="panel-list-button" onClick={() => choose(v)}>
                    <span className="panel-list-main">
                      <span className="panel-list-name">{v.properties.name}</span>
                      <span className="panel-muted">{v.properties.address}</span>
                    </span>
                    <span className="panel-muted">{t(`category.${v.properties.category}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </PanelStatus>
        </div>
      )}
    </div>
  );
}
