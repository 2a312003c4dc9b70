import { useEffect, useState } from 'react';

export type ViewName = 'library' | 'reader' | 'dashboard' | 'map' | 'network' | 'search';
export const VIEWS: readonly { readonly name: ViewName; readonly label: string }[] = [
  { name: 'library', label: 'Library' },
  { name: 'reader', label: 'Reader' },
  { name: 'dashboard', label: 'Dyad dashboard' },
  { name: 'map', label: 'Map' },
  { name: 'network', label: 'Network' },
  { name: 'search', label: 'Search' },
];

export interface Route {
  readonly view: ViewName;
  /** Path segments after the view, e.g. the document id of `#/reader/ID`. */
  readonly rest: readonly string[];
  readonly query: URLSearchParams;
}

/** Hash routes (`#/reader/ID?f=FINDING`) so deep links work from any static server and never hit the API. */
export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = body.split('?', 2);
  const [view = '', ...rest] = path.split('/').map((part) => decodeURIComponent(part));
  const known = VIEWS.some((v) => v.name === view);
  return { view: known ? (view as ViewName) : 'dashboard', rest, query: new URLSearchParams(search) };
}

export function href(
  view: ViewName,
  rest: readonly string[] = [],
  query: Record<string, string> = {},
): string {
  const path = [view, ...rest.map((r) => encodeURIComponent(r))].join('/');
  const search = new URLSearchParams(query).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

export function navigate(target: string): void {
  window.location.hash = target;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
