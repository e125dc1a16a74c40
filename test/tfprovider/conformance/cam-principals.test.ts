import { runAcceptance, SET } from './acceptance';

/**
 * Conformance with the provider's acceptance tests of CAM users, groups and roles
 * (tencentcloud/services/cam/resource_tc_cam_{user,group,role}_test.go at v1.83.25), step by step.
 *
 * ImportStateVerify of a user: besides the test's own ignores (secret_key, secret_id, password), use_api,
 * need_reset_password and force_delete differ, as they do with the provider: its read never sets the first two and
 * sets force_delete only when the configuration has it, so an import leaves all three null against the create's
 * defaults, and the provider's own test fails there too (tfprovider/README.md, "Conformance").
 */
const USER_IMPORT_UNREADABLE = ['use_api', 'need_reset_password', 'force_delete'];

const user = (body: Record<string, unknown>) => ({ resource: { tencentcloud_cam_user: { user_basic: body } } });

test('TestAccTencentCloudCamUser_basic', async () => {
  await runAcceptance({
    name: 'TestAccTencentCloudCamUser_basic',
    steps: () => [
      {
        config: user({
          name: 'cam-user-test0',
          remark: 'test',
          console_login: true,
          use_api: true,
          need_reset_password: true,
          password: 'Gail@1234',
          phone_num: '12345678910',
          country_code: '86',
          email: '1234@qq.com',
          force_delete: false,
        }),
        checks: {
          'tencentcloud_cam_user.user_basic': {
            name: 'cam-user-test0',
            remark: 'test',
            console_login: 'true',
            need_reset_password: 'true',
            use_api: 'true',
            phone_num: '12345678910',
            country_code: '86',
            password: 'Gail@1234',
            email: '1234@qq.com',
            uin: SET,
            uid: SET,
            secret_key: SET,
            secret_id: SET,
          },
        },
      },
      {
        importResource: 'tencentcloud_cam_user.user_basic',
        ignore: ['secret_key', 'secret_id', 'password'],
        providerDiffers: { attributes: USER_IMPORT_UNREADABLE, why: 'its read never sets use_api or need_reset_password, and force_delete only from configuration' },
      },
      {
        config: user({
          name: 'cam-user-test0',
          remark: 'test1235',
          console_login: true,
          use_api: true,
          need_reset_password: true,
          password: 'Gail@12346',
          phone_num: '13670093505',
          country_code: '72',
          email: '141515@qq.com',
          force_delete: true,
        }),
        checks: {
          'tencentcloud_cam_user.user_basic': {
            name: 'cam-user-test0',
            remark: 'test1235',
            console_login: 'true',
            need_reset_password: 'true',
            use_api: 'true',
            phone_num: '13670093505',
            country_code: '72',
            password: 'Gail@12346',
            email: '141515@qq.com',
            uin: SET,
            uid: SET,
            secret_key: SET,
            secret_id: SET,
          },
        },
      },
    ],
  });
}, 180_000);

test('TestAccTencentCloudCamUser_nilPassword', async () => {
  await runAcceptance({
    name: 'TestAccTencentCloudCamUser_nilPassword',
    steps: () => [{
      config: {
        resource: {
          tencentcloud_cam_user: {
            user_nil_password: {
              name: 'cam-user-testnil',
              remark: 'test',
              console_login: true,
              use_api: true,
              need_reset_password: true,
              phone_num: '12345678910',
              country_code: '86',
              email: '141515@qq.com',
              force_delete: true,
            },
          },
        },
      },
      checks: {
        'tencentcloud_cam_user.user_nil_password': {
          name: 'cam-user-testnil',
          remark: 'test',
          console_login: 'true',
          need_reset_password: 'true',
          use_api: 'true',
          phone_num: '12345678910',
          country_code: '86',
          uin: SET,
          uid: SET,
        },
      },
    }],
  });
}, 120_000);

test('TestAccTencentCloudCamUser_withoutKey', async () => {
  await runAcceptance({
    name: 'TestAccTencentCloudCamUser_withoutKey',
    steps: () => [{
      config: {
        resource: {
          tencentcloud_cam_user: {
            user_without_key: {
              name: 'cam-user-testkey',
              remark: 'test',
              console_login: false,
              use_api: false,
              need_reset_password: true,
              phone_num: '12345678910',
              country_code: '86',
              email: '141515@qq.com',
              force_delete: true,
            },
          },
        },
      },
      checks: {
        'tencentcloud_cam_user.user_without_key': {
          name: 'cam-user-testkey',
          remark: 'test',
          console_login: 'false',
          need_reset_password: 'true',
          use_api: 'false',
          phone_num: '12345678910',
          country_code: '86',
          uin: SET,
          uid: SET,
        },
      },
    }],
  });
}, 120_000);

test('TestAccTencentCloudCamGroup_basic', async () => {
  const group = (name: string, remark: string) => ({ resource: { tencentcloud_cam_group: { group_basic: { name, remark } } } });
  const checks = (name: string, remark: string) => ({ 'tencentcloud_cam_group.group_basic': { name, remark } });
  await runAcceptance({
    name: 'TestAccTencentCloudCamGroup_basic',
    steps: () => [
      { config: group('cam-group-test1', 'test'), checks: checks('cam-group-test1', 'test') },
      { config: group('cam-group-test2', 'test'), checks: checks('cam-group-test2', 'test') },
      { config: group('cam-group-test3', 'test3'), checks: checks('cam-group-test3', 'test3') },
      { importResource: 'tencentcloud_cam_group.group_basic' },
    ],
  });
}, 180_000);

test('TestAccTencentCloudCamRole_basic', async () => {
  // The test's principal is the account's own uin (tcacctest.OwnerUin): the emulator's root account here.
  const trust = (uin: string, statements: number) => JSON.stringify({
    version: '2.0',
    statement: Array.from({ length: statements }, () => ({ action: ['name/sts:AssumeRole'], effect: 'allow', principal: { qcs: [`qcs::cam::uin/${uin}:uin/${uin}`] } })),
  });
  await runAcceptance({
    name: 'TestAccTencentCloudCamRole_basic',
    seed: async (emulator) => ({ uin: emulator.root.uin }),
    steps: ({ uin }) => [
      {
        config: { resource: { tencentcloud_cam_role: { role_basic: { name: 'cam-role-test1', document: trust(uin, 1), description: 'test', console_login: true } } } },
        checks: { 'tencentcloud_cam_role.role_basic': { name: SET, document: SET } },
      },
      {
        config: { resource: { tencentcloud_cam_role: { role_basic: { name: 'cam-role-test1', document: trust(uin, 2), console_login: false } } } },
        checks: { 'tencentcloud_cam_role.role_basic': { name: SET, document: SET } },
      },
      { importResource: 'tencentcloud_cam_role.role_basic' },
    ],
  });
}, 180_000);
