import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';

/** Warning annotations as written to the synthesized manifest (what `cdktf synth` prints). */
export function warnings(stack: TerraformStack): Array<{ constructPath: string; message: string }> {
  const outdir = Testing.fullSynth(stack);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.values<any>(manifest.stacks).flatMap((s) => s.annotations)
    .filter((a: any) => a.level === '@cdktf/warn')
    .map((a: any) => ({ constructPath: a.constructPath, message: a.message }));
}

/** The policies of a synthesized document by logical id, each `document` parsed. */
export function policies(doc: any): Record<string, { name: string; document: any; description?: string }> {
  const out: Record<string, any> = {};
  for (const [id, body] of Object.entries<any>(doc.resource?.tencentcloud_cam_policy ?? {})) {
    out[id] = { ...body, document: JSON.parse(body.document) };
  }
  return out;
}

/** Every policy attachment of a synthesized document: `<kind> <target> <- <policy_id>`. */
export function attachments(doc: any): string[] {
  const out: string[] = [];
  for (const kind of ['user', 'group', 'role']) {
    for (const body of Object.values<any>(doc.resource?.[`tencentcloud_cam_${kind}_policy_attachment`] ?? {})) {
      out.push(`${kind} ${body.user_name ?? body.group_id ?? body.role_id} <- ${body.policy_id}`);
    }
  }
  return out.sort();
}
