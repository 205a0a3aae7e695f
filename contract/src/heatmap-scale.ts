// The heatmap's fixed scale, apart from the zod schemas so the web can import the numbers
// without bundling the whole contract: the weights the bins sum, and the density domain.

/**
 * What each thing adds to its bin's weight: an active venue by its assigned risk level
 * (high 3, medium 2, low 1), and each hazard open as of then 2 more.
 */
export const HEATMAP_WEIGHTS = { high: 3, medium: 2, low: 1, openHazard: 2 } as const;
/**
 * Colours are keyed to density (weight per km²) on this fixed domain, the same at every zoom
 * and place: 0 is the lowest colour, 1000 and above the highest.
 */
export const HEATMAP_DENSITY_DOMAIN = [0, 1000] as const;
