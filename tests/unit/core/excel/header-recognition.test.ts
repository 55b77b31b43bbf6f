import { describe, expect, it } from 'vitest';
import { SHEET_NAMES, labelText, type SheetName } from '../../../../electron/contract';
import { headerKey } from '../../../../electron/core/excel/cells';
import { enumLabels, fieldLabel, findHeader } from '../../../../electron/core/excel/importer';
import { sheetOf } from '../../../../electron/core/excel/sheets';

/** Header rows as county offices write them, and the field each column must land on. */
const OFFICE_HEADERS: Record<SheetName, [string, string][]> = {
  vegetation: [
    ['线路名称', 'line'],
    ['杆塔号', 'towerRange'],
    ['所属乡镇', 'township'],
    ['行政村', 'village'],
    ['树主', 'landowner'],
    ['联系电话', 'landownerPhone'],
    ['树木种类', 'species'],
    ['数量(株)', 'treeCount'],
    ['树高（米）', 'treeHeight'],
    ['与导线垂直距离(m)', 'verticalDistance'],
    ['水平距离/m', 'horizontalDistance'],
    ['处理措施', 'action'],
    ['巡视日期', 'foundDate'],
    ['计划清理日期', 'plannedDate'],
    ['责任班组', 'team'],
    ['完成时间', 'completedDate'],
    ['备注说明', 'notes'],
  ],
  lines: [
    ['线路名称', 'name'],
    ['线路编号', 'code'],
    ['电压等级(kV)', 'voltage'],
    ['导线', 'conductor'],
    ['供电区域', 'areaType'],
    ['所属变电站', 'substation'],
    ['线路长度（km）', 'lengthKm'],
    ['杆塔基数', 'towerCount'],
    ['投运时间', 'commissionedDate'],
    ['经过乡镇', 'townships'],
  ],
  townships: [
    ['乡镇名称', 'name'],
    ['说明', 'notes'],
  ],
  villages: [
    ['镇(乡)', 'township'],
    ['行政村', 'name'],
  ],
  teams: [
    ['班组名称', 'name'],
    ['班组类型', 'kind'],
    ['联系电话', 'phone'],
  ],
  staff: [
    ['职工号', 'employeeNo'],
    ['员工姓名', 'name'],
    ['所在班组', 'team'],
    ['工种', 'position'],
    ['手机号码', 'phone'],
    ['参加工作时间', 'hireDate'],
    ['文化程度', 'education'],
  ],
  equipment: [
    ['资产编号', 'code'],
    ['设备名称', 'name'],
    ['设备类别', 'kind'],
    ['所属线路', 'line'],
    ['安装地点', 'location'],
    ['规格型号', 'model'],
    ['投运年度', 'installYear'],
    ['缺陷级别', 'defectGrade'],
  ],
  lightningDevices: [
    ['设施编号', 'code'],
    ['设施类型', 'kind'],
    ['安装部位', 'site'],
    ['所属线路', 'line'],
    ['杆号', 'tower'],
    ['土壤电阻率(Ω·m)', 'soilResistivity'],
    ['投运日期', 'installDate'],
  ],
  towers: [
    ['线路名称', 'line'],
    ['杆号', 'number'],
    ['杆型', 'kind'],
    ['经度', 'longitude'],
    ['纬度', 'latitude'],
    ['海拔(m)', 'altitude'],
    ['备注', 'notes'],
  ],
};

describe('headers as offices write them', () => {
  it.each(SHEET_NAMES)('%s: office names, units and brackets are recognised', (name) => {
    const cases = OFFICE_HEADERS[name];
    const rows = [['2026 年台账（城关供电所）'], ['序号', ...cases.map(([h]) => h)], [1]];
    const found = findHeader(rows, sheetOf(name).fields);
    expect(found.index).toBe(1); // the title row above is skipped
    for (const [i, [header, key]] of cases.entries()) expect(found.mapping[key], `${header} → ${key}`).toBe(i + 1);
  });

  it.each(SHEET_NAMES)('%s: no header name belongs to two columns', (name) => {
    const owner = new Map<string, string>();
    for (const f of sheetOf(name).fields) {
      for (const n of new Set(
        [fieldLabel(f, 'zh-CN'), fieldLabel(f, 'en'), ...(f.aliases ?? [])].map((x) => headerKey(x)),
      )) {
        expect(owner.get(n) ?? f.key, `"${n}" names ${owner.get(n)} and ${f.key}`).toBe(f.key);
        owner.set(n, f.key);
      }
    }
  });

  it('matching ignores units and notes in brackets, a star and a slash unit — not the words', () => {
    expect(['数量(株)', '数量（株）', '*数量', '数量/株', '数 量'].map((h) => headerKey(h))).toEqual([
      '数量',
      '数量',
      '数量',
      '数量',
      '数量',
    ]);
    expect(headerKey('株(棵)数')).toBe('株数');
    expect(headerKey('配变/开关/变电站名称')).toBe('配变/开关/变电站名称');
  });

  it('voltage values carry their unit in templates and in what the import accepts', () => {
    const voltage = sheetOf('lines').fields.find((f) => f.key === 'voltage')!;
    expect(enumLabels(voltage).find((l) => l.value === '0.4')!.names).toEqual(['0.4kV', '0.4 kV']);
    expect(labelText('zh-CN', 'reference.voltages.0.4')).toBe('0.4kV');
  });
});
