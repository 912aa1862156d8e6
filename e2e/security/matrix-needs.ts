import type { Cell } from "./matrix-types";

/** Authorization-matrix rows for the needs routes (merged into MATRIX by authz-matrix.ts). */
export const NEEDS_ROWS: Record<string, Cell[]> = {};
