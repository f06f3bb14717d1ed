/**
 * Filters that live in component state (so quick successive changes never race) and are mirrored
 * into the URL's query string, which restores them on load and on outside navigation (a link to
 * the page, the back button). The search text is debounced; clearing it is immediate.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Marks the URL updates the page makes itself, so only outside navigation resets the filters. */
const ownUpdate = { fromFilters: true };

export interface UrlFilters<F, Q> {
  filters: F;
  setFilters: Dispatch<SetStateAction<F>>;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  /** The query for the API: the filters with the debounced text. */
  query: Q;
}

export function useUrlFilters<F extends { text: string }, Q>(codec: {
  /** Filters from the URL's query string. */
  fromSearch: (params: URLSearchParams) => F;
  /** The API query for filters and the (debounced) search text. */
  toQuery: (filters: F, text: string) => Q;
  /** The URL's query string (`?a=b` or '') for a query. */
  toSearch: (query: Q) => string;
}): UrlFilters<F, Q> {
  const location = useLocation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState(() => codec.fromSearch(new URLSearchParams(location.search)));
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    const state = location.state as typeof ownUpdate | null;
    if (!state?.fromFilters) setFilters(codec.fromSearch(new URLSearchParams(location.search)));
  }
  const set = <K extends keyof F>(key: K, value: F[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const [debouncedText] = useDebouncedValue(filters.text, 250);
  const effectiveText = filters.text.trim() === '' ? '' : debouncedText;
  const { toQuery, toSearch } = codec;
  const query = useMemo(() => toQuery(filters, effectiveText), [toQuery, filters, effectiveText]);
  const search = toSearch(query);

  useEffect(() => {
    if (search !== location.search) {
      void navigate({ pathname: location.pathname, search }, { replace: true, state: ownUpdate });
    }
  }, [search, location.search, location.pathname, navigate]);

  return { filters, setFilters, set, query };
}
