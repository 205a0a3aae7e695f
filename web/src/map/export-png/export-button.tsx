// The "导出图片" button: composes the current map view with its title, legend and export time
// into a PNG and downloads it. Also exposes window.__exportPng (a data URL) for browser tests.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../kit/i18n/i18n.tsx';
import { useViewState } from '../../kit/state/view-state.ts';
import { townshipsQuery } from '../../features/townships/townships.queries.ts';
import { captureMap } from './capture-map.ts';
import { composeExport } from './compose-export.ts';
import { exportContent, exportFilename } from './export-content.ts';
import './export-png.css';

function download(canvas: HTMLCanvasElement, filename: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('toBlob failed'));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      resolve();
    }, 'image/png');
  });
}

export function ExportButton() {
  const { t, lang } = useI18n();
  const [state] = useViewState();
  const townships = useQuery(townshipsQuery());
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const township = townships.data?.features.find((f) => f.properties.id === state.township)?.properties;
  const townshipName = township ? (lang === 'en' ? township.nameEn : township.name) : null;

  const render = useRef(async (): Promise<HTMLCanvasElement> => {
    throw new Error('not ready');
  });
  render.current = async () => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const mapCanvas = await captureMap(map);
    const { clientWidth, clientHeight } = map.getContainer();
    return composeExport(mapCanvas, exportContent(state, townshipName, t, lang, new Date()), {
      width: clientWidth,
      height: clientHeight,
    });
  };

  useEffect(() => {
    window.__exportPng = async () => (await render.current()).toDataURL('image/png');
    return () => {
      delete window.__exportPng;
    };
  }, []);

  const onClick = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await download(await render.current(), exportFilename(new Date()));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="export-button"
      onClick={() => void onClick()}
      disabled={busy}
      title={failed ? t('export.failed') : undefined}
    >
      {busy ? t('export.busy') : failed ? t('export.failed') : t('export.button')}
    </button>
  );
}
