import { checkRegion, REGION_NUMERIC_IDS, REGION_RULE, TENCENT_CLOUD_REGIONS } from '../../src/validation/regions';

test('known region ids pass; anything else names the rule', () => {
  for (const region of TENCENT_CLOUD_REGIONS) expect(checkRegion(region)).toBeUndefined();
  for (const region of ['ap-nowhere', '__proto__', 'constructor', 'AP-GUANGZHOU', '', 'ap-guangzhou ', 'r'.repeat(8192)]) {
    expect(checkRegion(region)).toBe(REGION_RULE);
  }
  expect(REGION_RULE).toContain('ap-guangzhou');
});

test('every region with a numeric id is a known region, and ids are unique', () => {
  for (const region of Object.keys(REGION_NUMERIC_IDS)) expect(TENCENT_CLOUD_REGIONS).toContain(region);
  expect(new Set(Object.values(REGION_NUMERIC_IDS)).size).toBe(Object.keys(REGION_NUMERIC_IDS).length);
  expect(new Set(TENCENT_CLOUD_REGIONS).size).toBe(TENCENT_CLOUD_REGIONS.length);
});
