/** Discovery of the example stacks (`examples/<name>/main.ts` exporting `buildApp(outdir?)`). */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { SynthesizableApp } from './terraform';

export interface Example {
  readonly name: string;
  readonly mainFile: string;
}

export function findExamples(root = path.join(__dirname, '..', '..', 'examples')): Example[] {
  return fs.readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'main.ts')))
    .map((d) => ({ name: d.name, mainFile: path.join(root, d.name, 'main.ts') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadBuildApp(example: Example): Promise<(outdir?: string) => SynthesizableApp> {
  // createRequire: the examples are TypeScript, loaded through whatever require hook runs us (ts-jest, ts-node).
  const mod: any = createRequire(__filename)(example.mainFile);
  if (typeof mod.buildApp !== 'function') throw new Error(`${example.mainFile} does not export buildApp(outdir?: string): App`);
  return mod.buildApp;
}

/** Addresses of the managed resources a synthesized stack declares (what a first plan must create). */
export function declaredResources(stackDir: string): string[] {
  const doc = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const out: string[] = [];
  for (const [type, byName] of Object.entries<Record<string, any>>(doc.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      if (body.count !== undefined || body.for_each !== undefined) throw new Error(`${type}.${name}: count/for_each addresses are not expanded by this helper`);
      out.push(`${type}.${name}`);
    }
  }
  return out.sort();
}
