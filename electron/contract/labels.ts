/**
 * Field and value labels that appear both on screen and in spreadsheets (templates, imports,
 * exports). They live here, once: the renderer's dictionaries spread them in, and the core reads
 * them to write Chinese headers and to recognise a header or a value typed in a sheet.
 */
const zhReference = {
  name: '名称',
  code: '编号',
  voltage: '电压等级',
  conductor: '导线类型',
  areaType: '区域类型',
  substation: '变电站',
  lengthKm: '长度(km)',
  towerCount: '杆塔数',
  commissionedDate: '投运日期',
  townships: '途经乡镇',
  township: '乡镇',
  villageCount: '村数',
  kind: '班组类型',
  phone: '电话',
  notes: '备注',
  voltages: { '0.4': '0.4kV', '10': '10kV', '35': '35kV', '66': '66kV', '110': '110kV', '220': '220kV' },
  conductors: { bare: '裸导线', insulated: '绝缘导线' },
  areaTypes: { urban: '城区', rural: '农村', remote: '偏远山区' },
  teamKinds: { distribution: '配电运检班', cable: '电缆班', line: '线路班', station: '供电所', other: '其他' },
};

const zhVegetation = {
  line: '线路',
  towerRange: '杆号区段',
  township: '乡镇',
  village: '村',
  landowner: '户主',
  landownerPhone: '户主电话',
  species: '树种',
  treeCount: '株数',
  treeHeight: '树高(m)',
  verticalDistance: '垂直距离(m)',
  horizontalDistance: '水平距离(m)',
  treeClass: '树木类别',
  plantedInZone: '保护区内新种植',
  action: '处理方式',
  foundDate: '发现日期',
  plannedDate: '计划日期',
  lateReason: '延期原因',
  team: '班组',
  status: '状态',
  distanceAfter: '处理后距离(m)',
  completedDate: '完成日期',
  nextDueDate: '下次修剪',
  dueDate: '到期日',
  hazardGrade: '隐患等级',
  basis: '判定依据',
  notes: '备注',
  grades: { emergency: '紧急', major: '重大', general: '一般' },
  statuses: {
    unscheduled: '待排期',
    scheduled: '已排期',
    notified: '已通知',
    in_progress: '处理中',
    done: '已完成',
    blocked: '受阻',
  },
  actions: { trim: '修剪', fell: '砍伐', transplant: '移栽' },
  treeClasses: { general: '一般林木', street: '行道树/城市绿化' },
};

const zhStaff = {
  employeeNo: '工号',
  name: '姓名',
  team: '班组',
  position: '岗位',
  phone: '电话',
  status: '状态',
  hireDate: '入职日期',
  education: '学历',
  notes: '备注',
  statuses: { on_duty: '在岗', leave: '休假', transferred: '调离', retired: '退休' },
  levelNames: { '1': '初级', '2': '中级', '3': '高级' },
  skillColumns: {
    配电设备: '配电设备',
    电缆: '电缆',
    架空线路: '架空线路',
    带电作业: '带电作业',
    驾驶: '驾驶',
    测试: '测试',
  },
  certificateStates: {
    valid: '有效',
    review_due: '待复审',
    expiring: '即将到期',
    expired: '已过期',
    abolished: '已废止',
  },
  eligibility: {
    notOnDuty: '不在岗',
    noCertificate: '没有有效的电工作业证',
    certificateExpired: '证书 {{number}} 已于 {{date}} 过期',
    reviewMissed: '证书 {{number}} 逾期未复审（应于 {{date}} 前）',
    noSafetyExam: '{{year}} 年《安规》考试尚未合格',
    breakNotCleared: '{{date}} 长假返岗后尚未重新考试合格',
  },
};

const zhLightning = {
  code: '设备编号',
  kind: '类型',
  kinds: { rod: '避雷针/接闪杆', arrester: '氧化锌避雷器', ground_wire: '避雷线', grounding: '接地装置' },
  site: '安装位置',
  sites: { tower: '线路杆塔', transformer: '配变', switch: '柱上开关/电缆终端', substation: '变电站' },
  line: '线路',
  tower: '杆塔号',
  siteName: '配变/开关/变电站名称',
  model: '型号',
  ratedKv: '额定电压（kV）',
  installDate: '投运日期',
  soilResistivity: '土壤电阻率 ρ（Ω·m）',
  transformerKva: '配变容量（kVA）',
  hasGroundWire: '杆塔有避雷线（架空地线）',
  radialElectrodes: '已装 6–8 根放射形接地体（ρ > 2000 Ω·m）',
  nearStation: '距发电厂/变电站 1–2 km 内',
  u1maInitial: 'U1mA 初始值（kV）',
  lastTestedOn: '上次试验',
  lastVerdict: '上次结论',
  nextDueOn: '下次试验',
  dueReasons: {
    never: '从未试验',
    incomplete: '有读数未测',
    cycle: '按周期',
    season: '雷雨季前',
    trip: '线路雷击跳闸后',
  },
  verdicts: { pass: '合格', fail: '不合格', pending: '未完成' },
  notes: '备注',
};

const zhImport = {
  titles: {
    vegetation: '树障清理台账',
    lines: '线路',
    townships: '乡镇',
    villages: '村',
    teams: '班组',
    staff: '人员',
    equipment: '设备台账',
    lightningDevices: '防雷设施',
  },
  keyRule: {
    vegetation: '同一线路、同一杆号区段、同一树种视为同一条记录：再次导入会更新这条记录，不会重复新增。',
    lines: '线路名称相同视为同一条线路：再次导入会更新它，不会重复新增。',
    townships: '乡镇名称相同视为同一个乡镇：再次导入会更新它，不会重复新增。',
    villages: '同一乡镇下村名相同视为同一个村：再次导入会更新它，不会重复新增。',
    teams: '班组名称相同视为同一个班组：再次导入会更新它，不会重复新增。',
    staff: '工号相同视为同一个人：再次导入会更新他的资料和技能，不会重复新增。',
    equipment: '设备编号相同视为同一台设备：再次导入会更新它，不会重复新增。',
    lightningDevices: '设备编号相同视为同一台防雷设施：再次导入会更新它，不会重复新增。',
  },
};

/** 设备台账 (the upgrades module's register). */
const zhEquipment = {
  title: '设备台账',
  kind: '设备类型',
  kinds: {
    transformer: '配变',
    pole_switch: '柱上开关',
    cable_section: '电缆段',
    tower: '杆塔',
    line_section: '线路段',
    arrester: '避雷器',
    other: '其他',
  },
  code: '设备编号',
  name: '设备名称',
  line: '所属线路',
  location: '位置',
  model: '型号',
  capacity: '容量/规格',
  installYear: '投运年份',
  age: '运行年限',
  condition: '设备状况',
  conditions: { 1: '1 良好', 2: '2 较好', 3: '3 一般', 4: '4 较差', 5: '5 很差' },
  defectGrade: '缺陷等级',
  grades: { general: '一般', serious: '严重', critical: '危急' },
  defectFoundOn: '发现日期',
  defectDueOn: '处理期限',
  overdue: '已超期',
  overdueOnly: '只看超过处理期限的缺陷',
  notes: '备注',
};

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

const enReference: Same<typeof zhReference> = {
  name: 'Name',
  code: 'Code',
  voltage: 'Voltage',
  conductor: 'Conductor',
  areaType: 'Area type',
  substation: 'Substation',
  lengthKm: 'Length (km)',
  towerCount: 'Towers',
  commissionedDate: 'Commissioned',
  townships: 'Townships',
  township: 'Township',
  villageCount: 'Villages',
  kind: 'Kind',
  phone: 'Phone',
  notes: 'Notes',
  voltages: { '0.4': '0.4 kV', '10': '10 kV', '35': '35 kV', '66': '66 kV', '110': '110 kV', '220': '220 kV' },
  conductors: { bare: 'Bare', insulated: 'Insulated' },
  areaTypes: { urban: 'Urban', rural: 'Rural', remote: 'Remote' },
  teamKinds: {
    distribution: 'Distribution O&M',
    cable: 'Cable',
    line: 'Overhead line',
    station: 'Supply station',
    other: 'Other',
  },
};

const enEquipment: Same<typeof zhEquipment> = {
  title: 'Equipment',
  kind: 'Type',
  kinds: {
    transformer: 'Transformer',
    pole_switch: 'Pole switch',
    cable_section: 'Cable section',
    tower: 'Pole/tower',
    line_section: 'Line section',
    arrester: 'Arrester',
    other: 'Other',
  },
  code: 'Code',
  name: 'Name',
  line: 'Line',
  location: 'Location',
  model: 'Model',
  capacity: 'Capacity/size',
  installYear: 'In service since',
  age: 'Age (years)',
  condition: 'Condition',
  conditions: { 1: '1 good', 2: '2 fair', 3: '3 average', 4: '4 poor', 5: '5 very poor' },
  defectGrade: 'Defect',
  grades: { general: 'General', serious: 'Serious', critical: 'Critical' },
  defectFoundOn: 'Found on',
  defectDueOn: 'Handle by',
  overdue: 'Overdue',
  overdueOnly: 'Defects past their deadline only',
  notes: 'Notes',
};

const enVegetation: Same<typeof zhVegetation> = {
  line: 'Line',
  towerRange: 'Towers',
  township: 'Township',
  village: 'Village',
  landowner: 'Landowner',
  landownerPhone: 'Landowner phone',
  species: 'Species',
  treeCount: 'Trees',
  treeHeight: 'Height (m)',
  verticalDistance: 'Vertical (m)',
  horizontalDistance: 'Horizontal (m)',
  treeClass: 'Tree class',
  plantedInZone: 'Newly planted in zone',
  action: 'Action',
  foundDate: 'Found',
  plannedDate: 'Planned',
  lateReason: 'Reason for lateness',
  team: 'Team',
  status: 'Status',
  distanceAfter: 'Distance after (m)',
  completedDate: 'Completed',
  nextDueDate: 'Next trim',
  dueDate: 'Due',
  hazardGrade: 'Grade',
  basis: 'Basis',
  notes: 'Notes',
  grades: { emergency: 'Emergency', major: 'Major', general: 'General' },
  statuses: {
    unscheduled: 'Unscheduled',
    scheduled: 'Scheduled',
    notified: 'Notified',
    in_progress: 'In progress',
    done: 'Done',
    blocked: 'Blocked',
  },
  actions: { trim: 'Trim', fell: 'Fell', transplant: 'Transplant' },
  treeClasses: { general: 'General trees', street: 'Street / urban trees' },
};

const enStaff: Same<typeof zhStaff> = {
  employeeNo: 'No.',
  name: 'Name',
  team: 'Team',
  position: 'Position',
  phone: 'Phone',
  status: 'Status',
  hireDate: 'Hired',
  education: 'Education',
  notes: 'Notes',
  statuses: { on_duty: 'On duty', leave: 'On leave', transferred: 'Transferred', retired: 'Retired' },
  levelNames: { '1': 'Basic', '2': 'Skilled', '3': 'Expert' },
  skillColumns: {
    配电设备: 'Distribution equipment',
    电缆: 'Cable',
    架空线路: 'Overhead line',
    带电作业: 'Live working',
    驾驶: 'Driving',
    测试: 'Testing',
  },
  certificateStates: {
    valid: 'Valid',
    review_due: 'Review due',
    expiring: 'Expiring',
    expired: 'Expired',
    abolished: 'Abolished',
  },
  eligibility: {
    notOnDuty: 'Not on duty',
    noCertificate: 'No valid electrician certificate',
    certificateExpired: 'Certificate {{number}} expired on {{date}}',
    reviewMissed: 'Certificate {{number}} missed its review (due {{date}})',
    noSafetyExam: 'Safety rules exam not passed in {{year}}',
    breakNotCleared: 'Back from a long break on {{date}} without a new exam pass',
  },
};

const enImport: Same<typeof zhImport> = {
  titles: {
    vegetation: 'Tree clearance',
    lines: 'Lines',
    townships: 'Townships',
    villages: 'Villages',
    teams: 'Teams',
    staff: 'Staff',
    equipment: 'Equipment',
    lightningDevices: 'Lightning devices',
  },
  keyRule: {
    vegetation:
      'Same line, same towers and same species = the same record: importing again updates it, never adds a duplicate.',
    lines: 'Same line name = the same line: importing again updates it.',
    townships: 'Same township name = the same township: importing again updates it.',
    villages: 'Same village name in the same township = the same village: importing again updates it.',
    teams: 'Same team name = the same team: importing again updates it.',
    staff: 'Same employee number = the same person: importing again updates their details and skills.',
    equipment: 'Same code = the same item: importing again updates it.',
    lightningDevices: 'Same code = the same device: importing again updates it.',
  },
};

const enLightning: Same<typeof zhLightning> = {
  code: 'Code',
  kind: 'Type',
  kinds: { rod: 'Lightning rod', arrester: 'MOA arrester', ground_wire: 'Ground wire', grounding: 'Grounding' },
  site: 'Site',
  sites: {
    tower: 'Line tower',
    transformer: 'Transformer',
    switch: 'Switch/cable termination',
    substation: 'Substation',
  },
  line: 'Line',
  tower: 'Tower',
  siteName: 'Transformer/switch/substation',
  model: 'Model',
  ratedKv: 'Rated voltage (kV)',
  installDate: 'In service since',
  soilResistivity: 'Soil resistivity ρ (Ω·m)',
  transformerKva: 'Transformer capacity (kVA)',
  hasGroundWire: 'Tower has a ground wire',
  radialElectrodes: '6–8 radial electrodes fitted (ρ > 2000 Ω·m)',
  nearStation: 'Within 1–2 km of a plant/substation',
  u1maInitial: 'Initial U1mA (kV)',
  lastTestedOn: 'Last test',
  lastVerdict: 'Last result',
  nextDueOn: 'Next test',
  dueReasons: {
    never: 'never tested',
    incomplete: 'readings not yet taken',
    cycle: 'cycle',
    season: 'before the season',
    trip: 'after a lightning trip',
  },
  verdicts: { pass: 'Pass', fail: 'Fail', pending: 'Incomplete' },
  notes: 'Notes',
};

export const SHEET_LABELS = {
  'zh-CN': {
    reference: zhReference,
    vegetation: zhVegetation,
    staff: zhStaff,
    equipment: zhEquipment,
    lightning: zhLightning,
    import: zhImport,
  },
  en: {
    reference: enReference,
    vegetation: enVegetation,
    staff: enStaff,
    equipment: enEquipment,
    lightning: enLightning,
    import: enImport,
  },
} as const;

export type LabelLanguage = keyof typeof SHEET_LABELS;

/** Looks up 'vegetation.statuses' or 'reference.name' in one language; undefined if absent. */
export function labelAt(lang: LabelLanguage, key: string): unknown {
  let node: unknown = SHEET_LABELS[lang];
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    // A value with a dot in it ('reference.voltages.0.4') is one key.
    const rest = parts.slice(i).join('.');
    if (i < parts.length - 1 && Object.hasOwn(node, rest)) return (node as Record<string, unknown>)[rest];
    node = (node as Record<string, unknown>)[parts[i]!];
  }
  return node;
}

/** A label with its {{placeholders}} filled, in one language (what the core writes into sheets). */
export function labelText(lang: LabelLanguage, key: string, params: Record<string, string | number> = {}): string {
  const l = labelAt(lang, key);
  return typeof l === 'string' ? l.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? '')) : key;
}
