/* global WebAssembly */
// The espeak-ng WebAssembly build (npm `espeak-ng`, 1.52-dev with its voices inside the .wasm),
// run in a worker thread: one render takes 100–300 ms of CPU and the server's event loop must
// not stall for it (players sync their clocks and boards call numbers through it). Plain
// JavaScript, so the worker starts the same way under tsx, vitest and plain node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import ESpeakNg from 'espeak-ng';

const wasmFile = createRequire(import.meta.url).resolve('espeak-ng/dist/espeak-ng.wasm');
// Compiled once; each render instantiates it afresh, because the program exits after one run.
const compiled = readFile(wasmFile).then((bytes) => WebAssembly.compile(bytes));

/** @param {{ id: number, text: string, voice: string, speed: number }} job */
async function render({ text, voice, speed }) {
  const module = await compiled;
  // The text goes in as a file, never as an argument: a text starting with '-' is not an option.
  const es = await ESpeakNg({
    arguments: ['-v', voice, '-s', String(speed), '-f', '/in.txt', '-w', '/out.wav'],
    print: () => undefined,
    printErr: () => undefined,
    preRun: [(m) => m.FS.writeFile('/in.txt', `${text}\n`)],
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(module, imports).then((instance) => done(instance, module));
      return {};
    },
  });
  return es.FS.readFile('/out.wav');
}

parentPort?.on('message', async (job) => {
  try {
    const wav = await render(job);
    parentPort?.postMessage({ id: job.id, wav }, [wav.buffer]);
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: String(err?.message ?? err) });
  }
});
