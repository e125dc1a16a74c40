import { SERVICES } from '../../src/emulator/services';
import { CAM_EXTENSIONS, servicesWithExtensions, TCR_EXTENSIONS } from '../../tfprovider/emulator-extensions';

describe('emulator extensions for actions the provider calls', () => {
  test('extend tcr and cam underneath the emulator\'s own actions, which always win', () => {
    const extended = servicesWithExtensions();
    for (const own of SERVICES) {
      const ext = extended.find((s) => s.service === own.service)!;
      for (const [action, handler] of Object.entries(own.actions)) expect(ext.actions[action]).toBe(handler);
    }
    const tcr = extended.find((s) => s.service === 'tcr')!;
    const cam = extended.find((s) => s.service === 'cam')!;
    for (const action of Object.keys(TCR_EXTENSIONS)) expect(tcr.actions[action]).toBeDefined();
    for (const action of Object.keys(CAM_EXTENSIONS)) expect(cam.actions[action]).toBeDefined();
    expect(Object.keys(TCR_EXTENSIONS)).toContain('DescribeExternalEndpointStatus');
    expect(Object.keys(CAM_EXTENSIONS)).toContain('ListAttachedRolePolicies');
  });
});
