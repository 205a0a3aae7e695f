// Runs the wall's live link for as long as the wall is shown: first paint from
// /api/events/recent, then the stream from where that ended; each event invalidates the
// queries it makes stale (batched, so an import's burst refetches once), a resync all of them.
import type { EventDto, EventTopic } from '@svm/contract';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { EVENTS_KEY, recentEventsQuery } from './live-events.queries.ts';
import { LiveEvents, type LiveSnapshot } from './live-events.ts';

/** the ticker's length */
export const TICKER_KEEP = 14;

/** The query key (a prefix) each event topic makes stale; topics left out are not shown. */
export type TopicKeys = Partial<Record<EventTopic, QueryKey>>;

const IDLE: LiveSnapshot = { status: 'connecting', heardAt: null, events: [], attempt: 0 };

export function useLiveEvents(keys: TopicKeys): LiveSnapshot {
  const queryClient = useQueryClient();
  const recent = useQuery(recentEventsQuery(TICKER_KEEP));
  // read when events arrive: the caller's map of topics is fixed for the wall's life
  const [topics] = useState(keys);
  const [live, setLive] = useState<LiveEvents | null>(null);
  const ready = recent.data !== undefined;

  useEffect(() => {
    if (!recent.data) return;
    const stale = new Set<string>();
    let everything = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      if (everything) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== EVENTS_KEY[0] });
      else for (const key of stale) void queryClient.invalidateQueries({ queryKey: topics[key as EventTopic] });
      stale.clear();
      everything = false;
    };
    const later = () => {
      timer ??= setTimeout(flush, 300);
    };
    const instance = new LiveEvents({
      url: '/api/events',
      keep: TICKER_KEEP,
      onEvents: (events: EventDto[]) => {
        for (const e of events) {
          if (e.kind === 'data_imported' || e.kind === 'settings_changed') everything = true;
          for (const topic of e.invalidates) if (topics[topic]) stale.add(topic);
        }
        later();
      },
      onResync: () => {
        everything = true;
        later();
      },
    });
    instance.start(recent.data.events, recent.data.lastId);
    setLive(instance);
    return () => {
      if (timer) clearTimeout(timer);
      instance.stop();
      setLive(null);
    };
    // started once, from the first paint; the stream carries on from there
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, queryClient]);

  return useSyncExternalStore(live?.subscribe ?? noSubscribe, live?.getSnapshot ?? idle);
}

const noSubscribe = () => () => {};
const idle = () => IDLE;
