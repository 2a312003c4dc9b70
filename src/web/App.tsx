import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { ErrorNote, Loading } from './components/common.js';
import { FilterBar } from './components/FilterBar.js';
import { prefetchTopPairs, prefetchWorkspace, useWorkspace } from './data.js';
import { actorsOf, EMPTY_FILTER, type Filter } from './lib/analysis.js';
import { href, type Route, useRoute, VIEWS, type ViewName } from './router.js';

// Each view is its own chunk, so the first screen loads only what it draws.
const LOADERS = {
  library: () => import('./views/Library.js'),
  reader: () => import('./views/Reader.js'),
  dashboard: () => import('./views/Dashboard.js'),
  map: () => import('./views/MapView.js'),
  network: () => import('./views/Network.js'),
  search: () => import('./views/Search.js'),
} as const satisfies Record<ViewName, () => Promise<unknown>>;
const Library = lazy(LOADERS.library);
const Reader = lazy(LOADERS.reader);
const Dashboard = lazy(LOADERS.dashboard);
const MapView = lazy(LOADERS.map);
const Network = lazy(LOADERS.network);
const Search = lazy(LOADERS.search);

/** Fetches the first view's code (and its data) at once instead of one after the other. */
export function prefetchRoute(view: ViewName): void {
  void LOADERS[view]();
  // The dashboard asks the server's fast pair rollups first and loads findings after its chart.
  if (view === 'dashboard') prefetchTopPairs();
  if (view === 'map' || view === 'network') prefetchWorkspace();
}

export function App() {
  const route = useRoute();
  const [filter, setFilter] = useState<Filter>(EMPTY_FILTER);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Dyad</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.name}>
                <a href={href(v.name)} aria-current={route.view === v.name ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="view" />}>
          <CurrentView route={route} filter={filter} setFilter={setFilter} />
        </Suspense>
      </main>
    </>
  );
}

function CurrentView({
  route,
  filter,
  setFilter,
}: {
  route: Route;
  filter: Filter;
  setFilter: (f: Filter) => void;
}) {
  switch (route.view) {
    case 'library':
      return <Library />;
    case 'reader':
      return <Reader docId={route.rest[0] ?? null} findingId={route.query.get('f')} />;
    case 'search':
      return <Search initialQuery={route.query.get('q') ?? ''} />;
    case 'dashboard':
    case 'map':
    case 'network':
      return <FilteredView route={route} filter={filter} setFilter={setFilter} />;
    default: {
      const unreachable: never = route.view;
      return unreachable;
    }
  }
}

/** Dashboard, map and network share the workspace and the filter. */
function FilteredView({
  route,
  filter,
  setFilter,
}: {
  route: Route;
  filter: Filter;
  setFilter: (f: Filter) => void;
}) {
  const [chartDrawn, setChartDrawn] = useState(false);
  const onChartDrawn = useCallback(() => setChartDrawn(true), []);
  const { workspace, error } = useWorkspace(route.view !== 'dashboard' || chartDrawn);
  const actors = useMemo(() => (workspace ? actorsOf(workspace.events) : []), [workspace]);
  if (error) return <ErrorNote error={error} />;
  const bar = <FilterBar filter={filter} onChange={setFilter} actors={actors} />;
  // The dashboard starts from the server's pair analytics and fills in findings as they arrive.
  if (route.view === 'dashboard') {
    return (
      <Dashboard
        workspace={workspace}
        filter={filter}
        filterBar={bar}
        pairParam={[route.query.get('a'), route.query.get('b')]}
        onChartDrawn={onChartDrawn}
      />
    );
  }
  if (!workspace) return <Loading what="findings" />;
  return route.view === 'map' ? (
    <MapView workspace={workspace} filter={filter} filterBar={bar} />
  ) : (
    <Network workspace={workspace} filter={filter} filterBar={bar} setFilter={setFilter} />
  );
}
