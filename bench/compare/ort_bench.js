// ONNX Runtime (onnxruntime-node, CPU) time of out/unet.onnx on one 1x1xSxS slice.
// usage: node ort_bench.js [--size 512] [--threads 2] [--reps 5] [--warmup 2] [--model out/unet.onnx]
// Last line: "ort <version> size=S threads=T: X ms/slice"
'use strict';
const path = require('path');
const ort = require('onnxruntime-node');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main() {
  const size = Number(option('size', 512));
  const threads = Number(option('threads', 2));
  const reps = Number(option('reps', 5));
  const warmup = Number(option('warmup', 2));
  const model = option('model', path.join(__dirname, 'out', 'unet.onnx'));
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const data = new Float32Array(size * size);
  for (let i = 0; i < data.length; i++) data[i] = Math.random();
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', data, [1, 1, size, size]) };
  for (let i = 0; i < warmup; i++) await session.run(feeds);
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const version = require('onnxruntime-node/package.json').version;
  const cpuMs = (cpu.user + cpu.system) / 1e3 / reps;
  console.log(`runs (ms, sorted): ${times.map((t) => t.toFixed(1)).join(', ')}; CPU time ${cpuMs.toFixed(1)} ms/slice over all threads`);
  console.log(`ort ${version} size=${size} threads=${threads}: ${times[Math.floor(reps / 2)].toFixed(1)} ms/slice`);
}

main().catch((e) => { console.error(e); process.exit(1); });
