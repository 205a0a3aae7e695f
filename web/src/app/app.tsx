// The page: header, the situation map, and the side panel (a right-hand column on a desktop or
// tablet, a bottom sheet on a phone).
import { Header } from './header.tsx';
import { SidePanel } from './panels/side-panel.tsx';
import { SituationMap } from '../map/situation-map.tsx';

export function App() {
  return (
    <div className="app">
      <Header />
      <div className="app-body">
        <SituationMap />
        <div className="app-side">
          <SidePanel />
        </div>
      </div>
    </div>
  );
}
