import { lazy, Suspense, useState } from 'react';
import { ErrorNote, Loading } from './components/common.js';
import { FilterBar } from './components/FilterBar.js';
import { useWorkspace } from './data.js';
import { actorsOf, EMPTY_FILTER, type Filter } from './lib/analysis.js';
import { href, type Route, useRoute, VIEWS } from './router.js';

// Each view is its own chunk, so the first screen loads only what it draws.
const Library = lazy(() => import('./views/Library.js'));
const Reader = lazy(() => import('./views/Reader.js'));
const Dashboard = lazy(() => import('./views/Dashboard.js'));
const MapView = lazy(() => import('./views/MapView.js'));
const Network = lazy(() => import('./views/Network.js'));
const Search = lazy(() => import('./views/Search.js'));

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
  const { workspace, error } = useWorkspace();
  if (error) return <ErrorNote error={error} />;
  if (!workspace) return <Loading what="findings" />;
  const bar = <FilterBar filter={filter} onChange={setFilter} actors={actorsOf(workspace.events)} />;
  switch (route.view) {
    case 'map':
      return <MapView workspace={workspace} filter={filter} filterBar={bar} />;
    case 'network':
      return <Network workspace={workspace} filter={filter} filterBar={bar} setFilter={setFilter} />;
    default:
      return (
        <Dashboard
          workspace={workspace}
          filter={filter}
          filterBar={bar}
          pairParam={[route.query.get('a'), route.query.get('b')]}
        />
      );
  }
}
