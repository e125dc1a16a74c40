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
 * Tencent Cloud's numeric region ids (TCR reports them as `Registry.RegionId`) where known; INFERRED from
 * Tencent's region tables, and a region not listed reports 0 rather than a guessed number.
 */
export const REGION_NUMERIC_IDS: Readonly<Record<string, number>> = {
  'ap-guangzhou': 1,
  'ap-shanghai': 4,
  'ap-hongkong': 5,
  'ap-beijing': 8,
  'ap-singapore': 9,
  'ap-chengdu': 16,
  'ap-chongqing': 19,
  'ap-nanjing': 33,
};

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
