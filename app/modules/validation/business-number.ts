/**
 * Korean business registration number (사업자등록번호): 10 digits, the last a
 * check digit. Weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus the
 * tens of (ninth digit × 5); the check digit makes the sum a multiple of ten.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

export function normalizeBusinessNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function businessNumberCheckDigit(first9: string): number {
  const d = first9.split("").map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * WEIGHTS[i];
  sum += Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusinessNumber(input: string): boolean {
  const v = normalizeBusinessNumber(input);
  if (!/^\d{10}$/.test(v)) return false;
  return businessNumberCheckDigit(v.slice(0, 9)) === Number(v[9]);
}

export function formatBusinessNumber(v: string): string {
  const n = normalizeBusinessNumber(v);
  return n.length === 10 ? `${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}` : v;
}
