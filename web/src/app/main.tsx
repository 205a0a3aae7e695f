// Browser entry: MapLibre's worker, the query client, the language, then the app.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { setWorkerUrl } from 'maplibre-gl';
// a Vite build cannot find MapLibre's worker on its own (404 "Worker failed to load")
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, WALL_GC_TIME_MS } from '../kit/api/query-client.ts';
import { App } from './app.tsx';
import { AuthGate } from './auth-gate.tsx';
import { WallGate } from './wall-gate.tsx';
import { I18nProvider } from '../kit/i18n/i18n.tsx';
import { CityZoneGate } from '../kit/city/city-zone-gate.tsx';
import { WallPage } from './wall/wall-page.tsx';
import { catalogs } from './dictionaries.ts';

setWorkerUrl(workerUrl);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const wall = window.location.pathname === '/wall';

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient(wall ? { gcTime: WALL_GC_TIME_MS } : {})}>
      <I18nProvider catalogs={catalogs}>
        {/* the command center's wall display lives at /wall, the dashboard everywhere else */}
        {wall ? (
          <WallGate>
            <CityZoneGate>
              <WallPage />
            </CityZoneGate>
          </WallGate>
        ) : (
          <AuthGate>
            <CityZoneGate>
              <App />
            </CityZoneGate>
          </AuthGate>
        )}
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
