/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module "autocannon" {
  namespace autocannon {
    type Options = { url: string; connections?: number; duration?: number; overallRate?: number; headers?: Record<string, string> };
    type Result = { requests: { total: number }; duration: number; errors: number; timeouts: number; non2xx: number };
    type Instance = { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
  }
  function autocannon(opts: autocannon.Options, done: (err: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}
