import { App, Testing, TerraformStack } from 'cdktf';
import { expectSchemaValid } from './schema-validator';
import { providers, TcrInstance, TcrInstanceType } from '../../src';

/** A test stack that already has the tencentcloud provider, as every real stack must. */
export function stackWithProvider(): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new providers.provider.TencentcloudProvider(stack, 'tencentcloud', { region: 'ap-guangzhou' });
  return { app, stack };
}

/** Stack + a standard instance named `acme-registry` at path `stack/registry`. */
export function stackWithInstance(): { app: App; stack: TerraformStack; instance: TcrInstance } {
  const { app, stack } = stackWithProvider();
  const instance = new TcrInstance(stack, 'registry', { name: 'acme-registry', instanceType: TcrInstanceType.STANDARD });
  return { app, stack, instance };
}

/** The validation errors of `stack`, one per line (empty when it validates). */
export function validationErrors(stack: TerraformStack): string[] {
  try {
    stack.runAllValidations();
    return [];
  } catch (e) {
    const message = String((e as Error).message);
    const lines = message.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('['));
    // A failure whose format we do not recognise must not read as "no errors".
    if (lines.length === 0) throw e;
    return lines;
  }
}

/**
 * Synthesizes with validations (as `cdktf synth` does), checks the document against the pinned provider schema,
 * and returns it parsed: every test that looks at synthesized output also proves the output is schema-valid.
 */
export function synthValidated(stack: TerraformStack): any {
  const doc = JSON.parse(Testing.synth(stack, true));
  expectSchemaValid(doc);
  return doc;
}
