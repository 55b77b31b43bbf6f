/**
 * Every rule threshold GridDesk judges by, with the value from ../shared/DOMAIN.md as its default.
 * Provinces differ, so each is a setting; `confirmed` mirrors DOMAIN.md's ✅ / ⚠️ marks.
 */
export interface SettingDef {
  key: string;
  group: string;
  default: number | string | boolean;
  unit: string | null;
  source: string;
  confirmed: boolean;
  min?: number;
  max?: number;
}

const RULES_DETAIL = '《电力设施保护条例实施细则》第十六条';
const DIST_TABLE = '10kV及以下架空配电线路对树木距离（95598答复，通常引 DL/T 5220-2005）';
const GB50061 = 'GB 50061-2010 导线与街道行道树之间的最小距离';
const GB50545 = 'GB 50545-2010 / DL/T 741 对果树、经济作物、城市灌木及行道树';

function clearance(
  scope: string,
  vertical: number,
  horizontal: number,
  source: string,
  confirmed: boolean,
): SettingDef[] {
  return [
    {
      key: `clearance.${scope}.vertical`,
      group: 'clearance',
      default: vertical,
      unit: 'm',
      source,
      confirmed,
      min: 0,
      max: 30,
    },
    {
      key: `clearance.${scope}.horizontal`,
      group: 'clearance',
      default: horizontal,
      unit: 'm',
      source,
      confirmed,
      min: 0,
      max: 30,
    },
  ];
}

const GB50169 = 'GB 50169-2016 §4.7.2 有避雷线杆塔工频接地电阻（雷季干燥时）';
const DLT596 = 'DL/T 596-1996 电力设备预防性试验规程';
const GB50150 = 'GB 50150 电气装置安装工程 电气设备交接试验标准（金属氧化物避雷器）';

/** The thresholds of DOMAIN.md §2–§4, each a setting in group `lightning`. */
function lightning(): SettingDef[] {
  const ohm = (key: string, value: number, source: string, confirmed: boolean): SettingDef => ({
    key: `lightning.${key}`,
    group: 'lightning',
    default: value,
    unit: 'Ω',
    source,
    confirmed,
    min: 0,
    max: 1000,
  });
  const months = (key: string, value: number, source: string): SettingDef => ({
    key: `lightning.cycle.${key}`,
    group: 'lightning',
    default: value,
    unit: '月',
    source,
    confirmed: false,
    min: 1,
    max: 240,
  });
  return [
    ohm('tower.rhoUpTo100', 10, `${GB50169}：ρ ≤ 100 Ω·m`, true),
    ohm('tower.rhoUpTo500', 15, `${GB50169}：100 < ρ ≤ 500 Ω·m`, true),
    ohm('tower.rhoUpTo1000', 20, `${GB50169}：500 < ρ ≤ 1000 Ω·m`, true),
    ohm('tower.rhoUpTo2000', 25, `${GB50169}：1000 < ρ ≤ 2000 Ω·m`, true),
    ohm('tower.rhoAbove2000', 30, `${GB50169}：ρ > 2000 Ω·m；装 6–8 根总长 ≤ 500 m 放射形接地体时不限（§4.7.4）`, true),
    ohm('tower.noGroundWire', 30, `${DLT596}：无避雷线的小接地电流系统钢筋混凝土杆、金属杆`, false),
    ohm('transformer.largeOhm', 4, '配电变压器低压侧工作接地、保护接地', true),
    ohm('transformer.smallOhm', 10, '容量小于分界值的配电变压器接地', true),
    {
      key: 'lightning.transformer.smallBelowKva',
      group: 'lightning',
      default: 100,
      unit: 'kVA',
      source: '容量小于此值按 10 Ω；等于此值按 4 Ω（各来源在 100 kVA 处说法不一，取从严）',
      confirmed: false,
      min: 1,
      max: 10000,
    },
    ohm('rodOhm', 10, `${DLT596}：独立避雷针（线）接地电阻`, false),
    ohm('switchOhm', 10, 'DL/T 5220 / GB 50061：10 kV 线路避雷器、柱上开关、电缆终端接地', false),
    ohm('substationOhm', 4, '高低压共用接地（不接地、经消弧线圈接地系统）R ≤ 120/I 且不大于 4 Ω', true),
    {
      key: 'lightning.arrester.insulationAbove35',
      group: 'lightning',
      default: 2500,
      unit: 'MΩ',
      source: `${GB50150}：35 kV 以上，5000 V 兆欧表`,
      confirmed: true,
      min: 0,
      max: 1_000_000,
    },
    {
      key: 'lightning.arrester.insulationUpTo35',
      group: 'lightning',
      default: 1000,
      unit: 'MΩ',
      source: `${GB50150}：35 kV 及以下，2500 V 兆欧表`,
      confirmed: true,
      min: 0,
      max: 1_000_000,
    },
    {
      key: 'lightning.arrester.insulationBelow1',
      group: 'lightning',
      default: 2,
      unit: 'MΩ',
      source: `${GB50150}：1 kV 以下，500 V 兆欧表`,
      confirmed: true,
      min: 0,
      max: 1_000_000,
    },
    {
      key: 'lightning.arrester.u1maChangePct',
      group: 'lightning',
      default: 5,
      unit: '%',
      source: `${GB50150}：直流 1 mA 参考电压与初始值相比变化不超过 ±5%`,
      confirmed: true,
      min: 0,
      max: 100,
    },
    {
      key: 'lightning.arrester.leakageUa',
      group: 'lightning',
      default: 50,
      unit: 'μA',
      source: `${DLT596} / GB 50150：0.75 U1mA 下的泄漏电流`,
      confirmed: false,
      min: 0,
      max: 10000,
    },
    {
      key: 'lightning.arrester.completeReadings',
      group: 'lightning',
      default: '绝缘电阻、U1mA、泄漏电流、放电计数器',
      unit: null,
      source: `${DLT596}：金属氧化物避雷器的试验项目。本单位认定一次试验“完整”所需的读数（用“、”分隔，可选：绝缘电阻、U1mA、泄漏电流、放电计数器）；只测了其中几项的试验照样保存和判定，其余记为未测`,
      confirmed: false,
    },
    {
      key: 'lightning.seasonDeadline',
      group: 'lightning',
      default: '04-30',
      unit: null,
      source: `${DLT596}：避雷器每年雷雨季前试验；此日期（月-日）为本单位雷雨季前的完成期限`,
      confirmed: false,
    },
    months('towerNearStation', 24, `${DLT596}：发电厂、变电站进出线 1–2 km 内有避雷线杆塔 1–2 年`),
    months('tower', 60, `${DLT596}：其他杆塔不超过 5 年；雷击跳闸后另行检测`),
    months('rod', 72, `${DLT596}：独立避雷针接地不超过 6 年`),
    months('transformer', 24, '配变、开关站、箱变接地每 2 年（Q/GDW 1519-2014 / SD 292-88，常见引用）'),
    months('switch', 48, '柱上开关、避雷器接地每 4 年（Q/GDW 1519-2014 / SD 292-88，常见引用）'),
    months('substation', 72, '变电站接地网阻抗不超过 6 年'),
  ];
}

/** The trimming board (树障清理计划): how long work takes, how spans are grouped, how early people are told. */
function trimming(): SettingDef[] {
  const minutes = (action: string, value: number, what: string): SettingDef => ({
    key: `trimming.minutesPerTree.${action}`,
    group: 'trimming',
    default: value,
    unit: '人·分钟',
    source: `${what}每株所需工时（人·分钟），用于估算作业包工作量（本单位经验值，待核实）`,
    confirmed: false,
    min: 1,
    max: 1440,
  });
  return [
    minutes('trim', 30, '修剪'),
    minutes('fell', 60, '砍伐'),
    minutes('transplant', 120, '移栽'),
    {
      key: 'trimming.adjacentTowers',
      group: 'trimming',
      default: 5,
      unit: '基',
      source: '同一线路相隔不超过此杆数的档距归入同一作业包（一次出车）',
      confirmed: true,
      min: 0,
      max: 100,
    },
    {
      key: 'trimming.noticeLeadDays',
      group: 'trimming',
      default: 3,
      unit: '天',
      source: '砍伐、修剪前向树主送达《树障清理通知书》的最少提前天数（本单位规定，待核实）',
      confirmed: false,
      min: 0,
      max: 60,
    },
    {
      key: 'trimming.outageNoticeDays',
      group: 'trimming',
      default: 7,
      unit: '天',
      source: '国家电网十项承诺：计划检修停电提前 7 天通知（DOMAIN §6.2）',
      confirmed: true,
      min: 1,
      max: 60,
    },
  ];
}

const OWASP_AUTH = 'OWASP Authentication Cheat Sheet（防暴力破解：按账号与来源地址限制失败次数，锁定只针对失败的来源）';

/** Failed sign-ins: counted per (user name, client address) and per address, in the database. */
function signIn(): SettingDef[] {
  const def = (key: string, value: number, unit: string, source: string, min: number, max: number): SettingDef => ({
    key: `signIn.${key}`,
    group: 'accounts',
    default: value,
    unit,
    source,
    confirmed: true,
    min,
    max,
  });
  return [
    def('freeTries', 5, '次', `${OWASP_AUTH}：同一账号在同一台电脑上连续失败此数后锁定`, 3, 20),
    def('lockMinutes', 1, '分钟', '首次锁定的时长；此后每再失败一次加倍', 1, 60),
    def('maxLockMinutes', 15, '分钟', '锁定时长加倍的上限', 1, 1440),
    def('addressFailures', 20, '次', '同一台电脑（地址）在下一项的时间内对任意账号失败此数后，锁定该地址', 5, 1000),
    def('addressWindowMinutes', 10, '分钟', '统计同一地址失败次数的时间窗', 1, 1440),
    def('addressLockMinutes', 15, '分钟', '地址被锁定的时长', 1, 1440),
  ];
}

export const SETTING_DEFS: SettingDef[] = [
  // §1.2 distribution lines: by conductor (bare / insulated).
  ...clearance('0.4.bare', 1.0, 1.0, DIST_TABLE, true),
  ...clearance('0.4.insulated', 0.2, 0.5, DIST_TABLE, true),
  ...clearance('10.bare', 1.5, 2.0, DIST_TABLE, true),
  ...clearance('10.insulated', 0.8, 1.0, DIST_TABLE, true),
  // §1.1 35 kV and up: general trees by 实施细则; street trees by GB 50061 / GB 50545.
  ...clearance('35.general', 4.0, 3.5, RULES_DETAIL, true),
  ...clearance('35.street', 3.0, 3.5, GB50061, true),
  ...clearance('66.general', 4.0, 3.5, RULES_DETAIL, true),
  ...clearance('66.street', 3.0, 3.5, GB50061, true),
  ...clearance('110.general', 4.0, 3.5, RULES_DETAIL, true),
  ...clearance('110.street', 3.0, 3.5, GB50545, false),
  ...clearance('220.general', 4.5, 4.0, RULES_DETAIL, true),
  ...clearance('220.street', 3.5, 4.0, GB50545, false),
  {
    key: 'clearance.majorMargin',
    group: 'clearance',
    default: 3.0,
    unit: 'm',
    source: '树障防控重点设备分级原则：重大 = 最小距离 + 3 m 以内',
    confirmed: true,
    min: 0,
    max: 20,
  },
  {
    key: 'vegetation.cycleMonths',
    group: 'vegetation',
    default: 12,
    unit: '月',
    source: '修剪周期默认一年（各单位可按树种调整）',
    confirmed: false,
    min: 1,
    max: 120,
  },
  {
    key: 'vegetation.cycleMonthsBySpecies',
    group: 'vegetation',
    default: '',
    unit: null,
    source: '按树种的修剪周期，格式“桉树=6；毛竹=8”，未列出的树种用默认周期',
    confirmed: false,
  },
  {
    key: 'vegetation.deadline.emergencyDays',
    group: 'vegetation',
    default: 1,
    unit: '天',
    source: '紧急隐患自发现之日起的处理期限：地方线路缺陷规定“紧急缺陷必须尽快（在1日内）消除或临时处理”（DOMAIN §7）',
    confirmed: true,
    min: 0,
    max: 30,
  },
  {
    key: 'vegetation.deadline.majorDays',
    group: 'vegetation',
    default: 30,
    unit: '天',
    source:
      '重大隐患自发现之日起的处理期限（参照严重缺陷 30 天，Q/GDW 1519-2014，待核实）；一般隐患按修剪周期自上次修剪（无则自发现）起算',
    confirmed: false,
    min: 1,
    max: 365,
  },
  ...trimming(),
  {
    key: 'vegetation.dueSoonDays',
    group: 'vegetation',
    default: 30,
    unit: '天',
    source: '“30 天内到期”筛选的天数',
    confirmed: false,
    min: 1,
    max: 365,
  },
  {
    key: 'staff.certificate.validityYears',
    group: 'staff',
    default: 6,
    unit: '年',
    source: '《特种作业人员安全技术培训考核管理规定》（安监总局令第30号）第十九条：特种作业操作证有效期6年',
    confirmed: true,
    min: 1,
    max: 20,
  },
  {
    key: 'staff.certificate.reviewYears',
    group: 'staff',
    default: 3,
    unit: '年',
    source: '同上第二十一条：每3年复审1次',
    confirmed: true,
    min: 1,
    max: 10,
  },
  {
    key: 'staff.certificate.extendedReviewYears',
    group: 'staff',
    default: 6,
    unit: '年',
    source:
      '同上第二十一条：连续从事本工种10年以上、严格遵守安全法规的，经原考核发证机关或从业所在地考核发证机关同意，复审时间可延长至每6年1次',
    confirmed: true,
    min: 1,
    max: 10,
  },
  {
    key: 'staff.certificate.windowDays',
    group: 'staff',
    default: 60,
    unit: '天',
    source: '同上第二十二条（条号待核实）：复审或延期复审应在期满前60日内提出申请；提醒从此时开始',
    confirmed: false,
    min: 1,
    max: 365,
  },
  {
    key: 'staff.training.hoursPerYear',
    group: 'staff',
    default: 20,
    unit: '学时',
    source:
      '《生产经营单位安全培训规定》（原安监总局令第3号）：高危行业从业人员每年再培训不少于20学时（各省可另有规定）',
    confirmed: true,
    min: 0,
    max: 200,
  },
  {
    key: 'staff.skills',
    group: 'staff',
    default: '配电设备、电缆、架空线路、带电作业、驾驶、测试',
    unit: null,
    source: '本单位登记的技能（用“、”分隔，最多 20 项）；移出清单的技能仍保留在已登记人员的记录中',
    confirmed: true,
  },
  {
    key: 'roster.requiredSkills',
    group: 'roster',
    default: '配电设备、电缆、架空线路',
    unit: null,
    source: '迎峰度夏抢修值班：每个班次的抢修队伍须同时具备的技能（一人可兼多项）',
    confirmed: true,
  },
  {
    key: 'roster.minCrewSize',
    group: 'roster',
    default: 2,
    unit: '人',
    source: '每支抢修队伍的最少人数（现场作业至少两人：一人操作、一人监护）',
    confirmed: false,
    min: 1,
    max: 10,
  },
  {
    key: 'roster.minRestHours',
    group: 'roster',
    default: 12,
    unit: '小时',
    source: '两个班次之间的最少休息时间（夜班后不接白班）',
    confirmed: false,
    min: 0,
    max: 48,
  },
  {
    key: 'roster.maxConsecutiveDays',
    group: 'roster',
    default: 6,
    unit: '天',
    source: '连续值班的最多天数（《劳动法》第三十八条：每周至少休息一日）',
    confirmed: true,
    min: 1,
    max: 14,
  },
  {
    key: 'upgrades.secondApprovalAbove',
    group: 'upgrades',
    default: 50,
    unit: '万元',
    source: '估算金额超过此值的技改/大修申请须两位主管分别批准（本单位规定）',
    confirmed: true,
    min: 0,
    max: 100000,
  },
  ...(['condition', 'age', 'defect', 'consequence'] as const).map((factor): SettingDef => ({
    key: `upgrades.weight.${factor}`,
    group: 'upgrades',
    default: { condition: 30, age: 20, defect: 30, consequence: 20 }[factor],
    unit: '分',
    source: '技改/大修优先级评分中该项的权重（各项权重之和为满分）',
    confirmed: true,
    min: 0,
    max: 100,
  })),
  ...(
    [
      ['critical', 1],
      ['serious', 30],
      ['general', 365],
    ] as const
  ).map(([grade, days]): SettingDef => ({
    key: `upgrades.defectDays.${grade}`,
    group: 'upgrades',
    default: days,
    unit: '天',
    source: `缺陷处理时限（DOMAIN §7：危急 24 小时、严重 30 天、一般结合年度检修计划；Q/GDW 1519-2014 配电网运维规程，待核实）`,
    confirmed: false,
    min: 1,
    max: 730,
  })),
  // 线路风险排序: what each thing on a line adds to its score (issue 23; house weights, not a standard).
  ...(
    [
      ['riskEmergencyHazard', 10, '每处未消除的紧急树障：随时可能放电跳闸，须立即处理'],
      ['riskMajorHazard', 4, '每处未消除的重大树障：已进入安全距离裕度'],
      ['riskDeviceOverdue', 2, '每台防雷设施试验超期（接地电阻、避雷器）：状态不明'],
      ['riskDeviceFailed', 5, '每台防雷设施最近一次试验不合格：雷击时保护失效'],
      ['riskTripsPer100', 3, '近三年雷击跳闸次数（每百基杆塔；未填杆塔数则按整条线路）：历史上易遭雷击'],
      ['riskCriticalDefect', 8, '每项未消除的危急缺陷'],
      ['riskSeriousDefect', 3, '每项未消除的严重缺陷'],
      ['riskPromiseBroken', 2, '今年每次抢修超出承诺时间（到达或恢复）：该线路故障后恢复慢'],
    ] as const
  ).map(([name, weight, reason]): SettingDef => ({
    key: `lineRisk.${name}`,
    group: 'lineRisk',
    default: weight,
    unit: '分',
    source: reason,
    confirmed: true,
    min: 0,
    max: 100,
  })),
  // §2–§4 lightning protection: grounding by site, arrester tests, cycles.
  ...lightning(),
  {
    key: 'attachments.maxMb',
    group: 'attachments',
    default: 20,
    unit: 'MB',
    source: '单个附件（照片、协议、报告扫描件）的大小上限；附件存于数据库中，随备份一同保存',
    confirmed: true,
    min: 1,
    max: 100,
  },
  {
    key: 'files.stagedMaxMb',
    group: 'attachments',
    default: 500,
    unit: 'MB',
    source: '每个登录会话暂存（已上传、尚未导入或附上）的文件总量上限；会话结束或超过一天的暂存文件自动清除',
    confirmed: true,
    min: 10,
    max: 10000,
  },
  ...signIn(),
  {
    key: 'backup.keep',
    group: 'backup',
    default: 10,
    unit: '份',
    source: '自动备份（每天一份：启动时和运行中每小时检查；每次升级数据库前一份）保留的份数',
    confirmed: true,
    min: 1,
    max: 100,
  },
  {
    key: 'backup.folder',
    group: 'backup',
    default: '',
    unit: null,
    source:
      '备份保存的文件夹，可指向另一块硬盘（完整路径，如 D:\\GridDesk备份）；留空则保存在数据库旁的 backups 文件夹。保存时检查能否写入；该文件夹写不进时（如移动硬盘未接）改存数据库旁并记录警告',
    confirmed: true,
  },
  {
    key: 'maintenance.growthPct',
    group: 'backup',
    default: 50,
    unit: '%',
    source: '数据库文件一周内增长超过此比例（且超过下一项的大小）时提醒管理员：多半是一次误导入或重复导入',
    confirmed: true,
    min: 5,
    max: 1000,
  },
  {
    key: 'maintenance.growthMinMb',
    group: 'backup',
    default: 100,
    unit: 'MB',
    source: '一周内增长小于此大小时不提醒（小库翻倍也无妨）',
    confirmed: true,
    min: 1,
    max: 100000,
  },
];

export const SETTING_BY_KEY = new Map(SETTING_DEFS.map((d) => [d.key, d]));

/** Parses "桉树=6；毛竹=8" (full- or half-width separators). Returns null when malformed. */
export function parseSpeciesCycles(value: string): Map<string, number> | null {
  const result = new Map<string, number>();
  const parts = value
    .split(/[;；,，\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const m = /^(.+?)\s*[=＝:：]\s*(\d{1,3})$/.exec(part);
    if (!m) return null;
    const months = Number(m[2]);
    if (months < 1 || months > 120) return null;
    result.set(m[1]!.trim(), months);
  }
  return result;
}
