import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "~/utils/env.server";

/**
 * Points UPLOAD_DIR at a temporary folder for this test file and removes it
 * afterwards. Call at module level; the returned function gives the folder
 * (known once beforeAll has run).
 */
export function tempUploadDir(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
    process.env.UPLOAD_DIR = dir;
    resetEnvCache();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.UPLOAD_DIR;
    resetEnvCache();
  });
  return () => dir;
}
