import type { Cell } from "./matrix-types";

/** Authorization-matrix rows for the applications routes (merged into MATRIX by authz-matrix.ts). */
export const APPLICATIONS_ROWS: Record<string, Cell[]> = {};
