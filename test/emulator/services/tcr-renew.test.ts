import { harness } from './test-context';
import { tcrService } from '../../../src/emulator/services/tcr';

const DAY = 24 * 3600 * 1000;

describe('RenewInstance', () => {
  test('renews a prepaid instance: ExpiredAt moves by the months, the renewal flag is set', () => {
    const h = harness(tcrService);
    const id = h.call('CreateInstance', { RegistryName: 'prepaid-reg', RegistryType: 'basic', RegistryChargeType: 1, RegistryChargePrepaid: { Period: 1, RenewFlag: 0 } }).RegistryId;
    const before = Date.parse(h.call('DescribeInstances', { Registryids: [id] }).Registries[0].ExpiredAt);
    expect(h.call('RenewInstance', { RegistryId: id, RegistryChargePrepaid: { Period: 2, RenewFlag: 1 }, Flag: 0 })).toEqual({ RegistryId: id });
    expect(h.authorized.at(-1)?.action).toBe('tcr:RenewInstance');
    const after = h.call('DescribeInstances', { Registryids: [id] }).Registries[0];
    expect(Date.parse(after.ExpiredAt) - before).toBe(60 * DAY);
    expect(after).toMatchObject({ PayMod: 1, RenewFlag: 1 });
  });

  test('Flag 1 makes a postpaid instance prepaid from now; wrong flags and periods are refused', () => {
    const h = harness(tcrService);
    const id = h.call('CreateInstance', { RegistryName: 'postpaid-reg', RegistryType: 'basic' }).RegistryId;
    expect(h.fail('RenewInstance', { RegistryId: id, RegistryChargePrepaid: { Period: 1, RenewFlag: 0 }, Flag: 0 }).code).toBe('UnsupportedOperation');
    h.clock.now += 5 * DAY;
    h.call('RenewInstance', { RegistryId: id, RegistryChargePrepaid: { Period: 1, RenewFlag: 0 }, Flag: 1 });
    const r = h.call('DescribeInstances', { Registryids: [id] }).Registries[0];
    expect(r.PayMod).toBe(1);
    expect(Date.parse(r.ExpiredAt)).toBe(h.clock.now + 30 * DAY);
    expect(h.fail('RenewInstance', { RegistryId: id, RegistryChargePrepaid: { Period: 1, RenewFlag: 0 }, Flag: 1 }).code).toBe('UnsupportedOperation');
    expect(h.fail('RenewInstance', { RegistryId: id, RegistryChargePrepaid: { Period: 0, RenewFlag: 0 }, Flag: 0 }).code).toBe('InvalidParameter');
    expect(h.fail('RenewInstance', { RegistryId: 'tcr-nothere', RegistryChargePrepaid: { Period: 1, RenewFlag: 0 }, Flag: 0 }).code).toBe('ResourceNotFound');
  });
});
