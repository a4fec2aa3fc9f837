// Times scenarios in the wasm build and prints one JSON line per scenario:
// node run.mjs [--report] <file.wasm> '<scenario>' ['<scenario>' ...]
// Each run keeps everything, as a widget's does; with --report, only its report, as the
// command line's does.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const reportOnly = args[0] === "--report";
const [wasmPath, ...scenarios] = reportOnly ? args.slice(1) : args;
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
const { memory, alloc, events } = instance.exports;
const run = reportOnly ? instance.exports.run_report : instance.exports.run;

for (const scenario of scenarios) {
  const bytes = new TextEncoder().encode(scenario);
  let best = Infinity;
  let hash = 0n;
  for (let i = 0; i < 3; i++) {
    const ptr = alloc(bytes.length);
    new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
    const start = performance.now();
    hash = run(ptr, bytes.length);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  const n = Number(events());
  const trace = BigInt.asUintN(64, hash).toString(16).padStart(16, "0");
  console.log(JSON.stringify({ scenario, events: n, seconds: best, events_per_second: n / best, trace }));
}
