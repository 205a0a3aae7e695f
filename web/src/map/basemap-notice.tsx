// Says once per page load that the deployment's basemap could not be loaded and the built-in map
// stands in (the console gets the reason); it leaves by itself, as a wall display has no hands.
import { useEffect, useState } from 'react';
import { useI18n } from '../kit/i18n/i18n.tsx';

const SHOWN_FOR_MS = 20_000;
let said = false;

export function BasemapNotice({ url, reason }: { url: string; reason: string }) {
  const { t } = useI18n();
  // decided once at mount: a map rebuilt later (another page, a wall tour) does not say it again
  const [open, setOpen] = useState(() => !said);
  useEffect(() => {
    if (!open) return;
    said = true;
    console.warn(`basemap ${url} could not be loaded (${reason}); drawing the built-in offline map`);
    const timer = setTimeout(() => setOpen(false), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [open, url, reason]);
  if (!open) return null;
  return (
    <div className="basemap-notice" role="status">
      {t('basemap.fallback')}
      <button type="button" onClick={() => setOpen(false)} aria-label={t('basemap.dismiss')}>
        ×
      </button>
    </div>
  );
}
