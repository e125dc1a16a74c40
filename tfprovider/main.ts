/**
 * Entry point of the terraform-provider-tencentcloud stand-in (bundled by the harness into one JS file).
 * Nothing may be written to stdout before the handshake line.
 */
import { serve } from './server';

serve().catch((e: any) => {
  process.stderr.write(`${String(e?.message ?? e)}\n`);
  process.exit(1);
});
