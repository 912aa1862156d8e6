import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP/ASVS parameters (m=19456 KiB, t=2, p=1).
// `algorithm: 2` is Algorithm.Argon2id (a const enum we cannot import under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Burn the same time as a real check, so unknown e-mails answer like wrong passwords. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword("medibridge-timing-equaliser");
  await verifyPassword(await dummy, password);
  return false;
}
