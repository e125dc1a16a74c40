import { App, Testing, TerraformStack } from 'cdktf';
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
    return String((e as Error).message)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('['));
  }
}

/** Synthesizes with validations (as `cdktf synth` does) and returns the parsed document. */
export function synthValidated(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}
