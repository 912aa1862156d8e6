/**
 * Match-scoring command line (see /docs matching spec):
 *   npm run -s match -- score --input FILE [--top K --by need|company|pitch|investor]
 * JSON in, JSON out on stdout; errors on stderr with exit code 1 (bad input) or 2 (bad usage).
 */
import { readFileSync } from "node:fs";
import { parseCliArgs, parseMatchInput, scorePairs } from "../app/modules/matching";

function fail(code: number, msg: string): never {
  process.stderr.write(`match: ${msg}\n`);
  process.exit(code);
}

const args = parseCliArgs(process.argv.slice(2));
if (!args.ok) fail(2, args.error);

let text: string;
try {
  // "-" reads standard input.
  text = readFileSync(args.value.input === "-" ? 0 : args.value.input, "utf8");
} catch (e) {
  fail(1, `cannot read ${args.value.input}: ${(e as Error).message}`);
}

let json: unknown;
try {
  json = JSON.parse(text.replace(/^\uFEFF/, ""));
} catch (e) {
  fail(1, `bad JSON in ${args.value.input}: ${(e as Error).message}`);
}

const input = parseMatchInput(json);
if (!input.ok) fail(1, `invalid input:\n  ${input.errors.slice(0, 50).join("\n  ")}`);

const result = scorePairs(input.value, args.value);
if (!result.ok) fail(2, result.error);

// The same bytes as JSON.stringify({ pairs }) + "\n", written in pieces of about 1 MB so that
// every pair of a large input never has to be one string (small outputs go out in one write).
let buf = '{"pairs":[';
let first = true;
try {
  for (const pair of result.pairs) {
    buf += (first ? "" : ",") + JSON.stringify(pair);
    first = false;
    if (buf.length > 1 << 20) {
      process.stdout.write(buf);
      buf = "";
    }
  }
} catch (e) {
  fail(1, `scoring failed: ${(e as Error).message}`);
}
process.stdout.write(buf + "]}\n");
