#!/usr/bin/env node
/** Entry point of the `tcr-credentials` bundle (esbuild bundles this file with the SDK into one JS file). */
import { main } from './cli';

// Loopback endpoints get their own agent (api.ts); the SDK's proxy support stays for the real cloud.
main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
}, () => {
  process.exitCode = 1;
});
