/**
 * Tencent Cloud region ids: the one list that the emulator validates `X-TC-Region` against (and that constructs
 * may validate region props against).
 *
 * Source: the Tencent Cloud "Regions and Availability Zones" page (product 628, doc 33133), English edition of
 * 2025-03-18, which lists these ids for regional API 3.0 products; `ap-mumbai` is listed by the Chinese edition of
 * the same page (2024-09-04). Ids that only other products' pages list (`ap-jakarta`, `na-ashburn`,
 * `sa-saopaulo`, ...) are left out as unverified for TCR and SSM: an unknown region fails loudly, and a region
 * found missing is added here, in one place. (Transcribed in ../shared/reference/regions-facts.md.)
 */
export const TENCENT_CLOUD_REGIONS: readonly string[] = [
  'ap-guangzhou',
  'ap-shanghai',
  'ap-nanjing',
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
  'ap-hongkong',
  'ap-singapore',
  'ap-seoul',
  'ap-tokyo',
  'ap-bangkok',
  'ap-mumbai',
  'na-siliconvalley',
  'eu-frankfurt',
];

/**
 * Tencent Cloud's numeric region ids, which TCR reports as `Registry.RegionId` and takes as
 * `ReplicationRegionId`: one for every region above. Source: TCR's region list (API doc 1051/41101, which the
 * provider's `replications` documentation points to) as transcribed in the provider's `RegionIdMap`
 * (tencentcloud/services/tcr/extension_tcr.go at v1.83.25).
 */
export const REGION_NUMERIC_IDS: Readonly<Record<string, number>> = {
  'ap-guangzhou': 1,
  'ap-shanghai': 4,
  'ap-hongkong': 5,
  'ap-beijing': 8,
  'ap-singapore': 9,
  'na-siliconvalley': 15,
  'ap-chengdu': 16,
  'eu-frankfurt': 17,
  'ap-seoul': 18,
  'ap-chongqing': 19,
  'ap-mumbai': 21,
  'ap-bangkok': 23,
  'ap-tokyo': 25,
  'ap-nanjing': 33,
};

/** The region whose numeric id is `id`, if it is one of the list. */
export function regionForNumericId(id: number): string | undefined {
  return Object.keys(REGION_NUMERIC_IDS).find((region) => REGION_NUMERIC_IDS[region] === id);
}

/** `1 (ap-guangzhou), 4 (ap-shanghai), ...` for error messages. */
export function numericRegionIds(): string {
  return Object.entries(REGION_NUMERIC_IDS).map(([region, id]) => `${id} (${region})`).join(', ');
}

export const REGION_RULE = `must be a Tencent Cloud region id: one of ${TENCENT_CLOUD_REGIONS.join(', ')}`;

/** Undefined when `region` is a known region id, else the rule it breaks. */
export function checkRegion(region: string): string | undefined {
  return TENCENT_CLOUD_REGIONS.includes(region) ? undefined : REGION_RULE;
}

/**
 * TCR keeps at most one replica of an instance per region (DescribeReplicationInstances reports replicas by region),
 * so a region named twice can only fail at apply. INFERRED from the API's shape; a wrong guess fails at synth, loudly.
 */
export const UNIQUE_REPLICATION_REGION_RULE = 'names a region more than once: an instance has at most one replica per region';
