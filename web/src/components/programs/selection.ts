/** The programs picked for comparison on the catalog page, kept for this tab (sessionStorage). */
import { useCallback, useEffect, useState } from 'react';
import { MAX_COMPARE } from './programText';

const KEY = 'hmp.programs.compare';

function read(): string[] {
  try {
    const data = JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(data)
      ? data.filter((x): x is string => typeof x === 'string').slice(0, MAX_COMPARE)
      : [];
  } catch {
    return [];
  }
}

export function useCompareSelection() {
  const [selected, setSelected] = useState<string[]>(read);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(selected));
    } catch {
      // Storage refused (private mode): the selection lasts for this page only.
    }
  }, [selected]);
  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((s) =>
      on ? (s.includes(id) || s.length >= MAX_COMPARE ? s : [...s, id]) : s.filter((x) => x !== id),
    );
  }, []);
  const clear = useCallback(() => setSelected([]), []);
  return { selected, toggle, clear };
}
