/** Reads the provisioner commands the credential constructs synthesize, as the program would receive them. */
import { Testing, TerraformStack } from 'cdktf';

export function terraformData(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true)).resource.terraform_data;
}

/**
 * The argv of the `when` provisioner of a terraform_data, with `${self.input.x}` replaced by the input values
 * (what terraform does at apply time), without `node` and the asset path.
 */
export function programArgs(resource: any, when: 'create' | 'destroy'): string[] {
  const exec = resource.provisioner.map((p: any) => p['local-exec']).find((p: any) => p.when === when);
  return [...exec.interpreter.slice(2), exec.command].map((arg: string) =>
    arg.replace(/\$\{self\.input\.([a-z_]+)\}/g, (_m, key) => String(resource.input[key])));
}
