// What a seed run is asked for (size, history, reference date) and what it reports back.

export interface SeedOptions {
  seed: number;
  venues: number;
  years: number;
  /** History ends here; tests pass a fixed date, the demo passes now. */
  referenceDate: Date;
  onProgress?: (message: string) => void;
}

export interface SeedReport {
  seed: number;
  referenceDate: string;
  townships: number;
  gridCells: number;
  coverageGaps: { townshipCode: string; cellCode: string; areaM2: number }[];
  cellsWithoutWorker: string[];
  streets: number;
  users: number;
  venues: number;
  misgradedVenues: number;
  patrols: number;
  hazards: number;
  acceptances: number;
  referencePoints: number;
  durationMs: number;
}
