// A slow pulse phase (0..1 over `periodMs`) driven by requestAnimationFrame only while `active`,
// stepped at ~15 fps: enough for a slow pulse, and a wall display's GPU stays cool.
import { useEffect, useState } from 'react';

export function usePulse(active: boolean, periodMs = 2400): number {
  const [phase, setPhase] = useState(0);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    let last = 0;
    const tick = (now: number) => {
      if (now - last > 66) {
        last = now;
        setPhase((now % periodMs) / periodMs);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [active, periodMs]);
  return active ? phase : 0;
}
