// The dashboard's UI state, kept in the URL so a link reproduces the view: which view, which
// township, which layers, the time window, the as-of day and what is selected.
import { useCallback, useSyncExternalStore } from 'react';
import {
  cityTimeZone,
  dayEndText,
  HAZARD_STATUSES,
  HAZARD_TYPE_CODE,
  JOINT_PARTIES,
  type HazardStatus,
  type JointParty,
} from '@svm/contract/constants';

export const VIEWS = ['city', 'township', 'planner'] as const;
export type View = (typeof VIEWS)[number];

export const LAYERS = ['heatmap', 'venues', 'grid-cells', 'unpatrolled', 'rebounds', 'blind-spots'] as const;
export type LayerId = (typeof LAYERS)[number];

export const SELECTION_KINDS = ['township', 'cell', 'venue', 'cluster', 'hazard'] as const;
export type Selection = { kind: (typeof SELECTION_KINDS)[number]; id: number } | null;

export const TABS = ['overview', 'ledger'] as const;
export type Tab = (typeof TABS)[number];

/** The hazard ledger's own filters (the township and as-of day come from the view). */
export interface LedgerView {
  status?: HazardStatus;
  party?: JointParty;
  overdue?: true;
  rebound?: true;
  /** a hazard type code */
  type?: string;
}

export interface ViewState {
  view: View;
  township: number | null;
  layers: LayerId[];
  /** YYYY-MM-DD, inclusive start of the time window; null: the default window */
  from: string | null;
  /** YYYY-MM-DD, exclusive end of the time window */
  to: string | null;
  /** YYYY-MM-DD: replay the past as of the end of that day; null: now */
  asOf: string | null;
  selection: Selection;
  /** the side panel's tab */
  tab: Tab;
  ledger: LedgerView;
}

export const DEFAULT_LAYERS: Record<View, LayerId[]> = {
  city: ['heatmap', 'unpatrolled', 'rebounds'],
  township: ['venues', 'grid-cells', 'unpatrolled', 'rebounds'],
  planner: ['grid-cells', 'blind-spots'],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const positiveInt = (v: string | null) => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);
const day = (v: string | null) => (v && DAY.test(v) ? v : null);
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => values.find((x) => x === v);

/** Ledger filters as the filter controls hold them, kept only where well-formed. */
export function toLedgerView(f: {
  status?: string | undefined;
  party?: string | undefined;
  overdue?: boolean | undefined;
  rebound?: boolean | undefined;
  type?: string | undefined;
}): LedgerView {
  const ledger: LedgerView = {};
  const status = oneOf(HAZARD_STATUSES, f.status ?? null);
  const party = oneOf(JOINT_PARTIES, f.party ?? null);
  if (status) ledger.status = status;
  if (party) ledger.party = party;
  if (f.overdue) ledger.overdue = true;
  if (f.rebound) ledger.rebound = true;
  if (f.type && HAZARD_TYPE_CODE.test(f.type)) ledger.type = f.type;
  return ledger;
}

const parseLedger = (p: URLSearchParams): LedgerView =>
  toLedgerView({
    status: p.get('hstatus') ?? undefined,
    party: p.get('party') ?? undefined,
    overdue: p.get('overdue') === '1',
    rebound: p.get('rebound') === '1',
    type: p.get('htype') ?? undefined,
  });

/** Reads a view state from a query string; anything malformed falls back to its default. */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const view = (VIEWS as readonly string[]).includes(p.get('view') ?? '') ? (p.get('view') as View) : 'city';
  const layerParam = p.get('layers');
  const layers =
    layerParam === null
      ? DEFAULT_LAYERS[view]
      : layerParam.split(',').filter((l): l is LayerId => (LAYERS as readonly string[]).includes(l));
  const [kind, id] = (p.get('sel') ?? '').split(':');
  const selId = positiveInt(id ?? null);
  const selection: Selection =
    (SELECTION_KINDS as readonly string[]).includes(kind ?? '') && selId
      ? { kind: kind as NonNullable<Selection>['kind'], id: selId }
      : null;
  return {
    view,
    township: positiveInt(p.get('township')),
    layers,
    from: day(p.get('from')),
    to: day(p.get('to')),
    asOf: day(p.get('asOf')),
    selection,
    tab: oneOf(TABS, p.get('tab')) ?? 'overview',
    ledger: parseLedger(p),
  };
}

/** Writes a view state as a query string, leaving out defaults so links stay short. */
export function formatViewState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.view !== 'city') p.set('view', s.view);
  if (s.township) p.set('township', String(s.township));
  if (s.layers.join(',') !== DEFAULT_LAYERS[s.view].join(',')) p.set('layers', s.layers.join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.asOf) p.set('asOf', s.asOf);
  if (s.selection) p.set('sel', `${s.selection.kind}:${s.selection.id}`);
  if (s.tab !== 'overview') p.set('tab', s.tab);
  if (s.ledger.status) p.set('hstatus', s.ledger.status);
  if (s.ledger.party) p.set('party', s.ledger.party);
  if (s.ledger.overdue) p.set('overdue', '1');
  if (s.ledger.rebound) p.set('rebound', '1');
  if (s.ledger.type) p.set('htype', s.ledger.type);
  const text = p.toString();
  return text ? `?${text}` : '';
}

const listeners = new Set<() => void>();
let cached: { search: string; state: ViewState } | null = null;

function snapshot(): ViewState {
  const search = window.location.search;
  if (cached?.search !== search) cached = { search, state: parseViewState(search) };
  return cached.state;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The view state and a setter that pushes a history entry (back/forward walk the views). */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const state = useSyncExternalStore(subscribe, snapshot);
  const update = useCallback((change: Partial<ViewState>) => {
    const next = { ...snapshot(), ...change };
    // switching view without naming layers takes that view's default layers
    if (change.view && !change.layers) next.layers = DEFAULT_LAYERS[change.view];
    // selecting something (on the map, in a list) shows its details, not the ledger
    if (change.selection !== undefined && change.tab === undefined) next.tab = 'overview';
    const search = formatViewState(next);
    if (search !== window.location.search) {
      window.history.pushState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      listeners.forEach((l) => l());
    }
  }, []);
  return [state, update];
}

/**
 * The `asOf` to send to the API: the last second of the chosen day on the city's clocks, with the
 * offset they have then (daylight saving included), or undefined for now.
 */
export function apiAsOf(asOf: string | null, zone: string = cityTimeZone()): string | undefined {
  return asOf ? dayEndText(asOf, zone) : undefined;
}
