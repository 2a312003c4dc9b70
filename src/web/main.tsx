import { createRoot } from 'react-dom/client';
import { App, prefetchRoute } from './App.js';
import { parseRoute } from './router.js';

prefetchRoute(parseRoute(window.location.hash).view);

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
