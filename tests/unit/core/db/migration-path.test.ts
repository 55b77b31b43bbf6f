import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/db/connection';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';

/**
 * Rows a database had at each schema version. A new migration must add its entry here, with rows
 * for the tables it creates: the test below fails until it does.
 */
const NOW = '2026-01-01T00:00:00.000Z';
const SEEDS: Record<string, string[]> = {
  '0001_foundation': [
    `insert into users (username, display_name, role, password_hash, must_change_password, active, created_at, updated_at) values ('old', '老用户', 'clerk', 'scrypt$x', 0, 1, '${NOW}', '${NOW}')`,
    `insert into townships (name, notes, created_at, updated_at) values ('城关镇', '旧乡镇', '${NOW}', '${NOW}')`,
    `insert into villages (township_id, name, created_at, updated_at) values (1, '王家村', '${NOW}', '${NOW}')`,
    `insert into teams (name, kind, created_at, updated_at) values ('线路班', 'line', '${NOW}', '${NOW}')`,
    `insert into lines (name, voltage, conductor, area_type, created_at, updated_at) values ('10kV 老线', '10', 'bare', 'rural', '${NOW}', '${NOW}')`,
    `insert into line_townships (line_id, township_id) values (1, 1)`,
    `insert into settings (key, value_json) values ('clearance.10.bare.vertical', '1.8')`,
    `insert into audit_log (at, method, summary) values ('${NOW}', 'lines.save', 'created')`,
  ],
  '0002_vegetation': [
    `insert into vegetation_records (line_id, tower_from, tower_to, species, tree_count, tree_class, action, status, hazard_grade, hazard_basis_json, created_at, updated_at)
       values (1, 3, 5, '杨树', 2, 'general', 'trim', 'blocked', 'major', '{}', '${NOW}', '${NOW}')`,
    `insert into vegetation_disputes (record_id, parties_json, law_explained, coordination_level, status, status_before, opened_at) values (1, '["landowner"]', 1, 'village', 'open', 'scheduled', '${NOW}')`,
    `insert into vegetation_dispute_entries (dispute_id, entry_date, content, created_at) values (1, '2026-01-01', '协调', '${NOW}')`,
  ],
  // The search index is filled by triggers from the rows above; nothing to seed by hand.
  '0003_search': [],
  '0004_attachments': [
    `insert into attachment_blobs (sha256, size, bytes) values ('abc', 3, x'010203')`,
    `insert into attachments (entity, entity_id, file_name, mime, size, sha256, created_at, updated_at) values ('vegetation', 1, '修剪前.jpg', 'image/jpeg', 3, 'abc', '${NOW}', '${NOW}')`,
  ],
  '0005_staff': [
    `insert into staff (employee_no, name, team_id, status, created_at, updated_at) values ('E001', '张电工', 1, 'on_duty', '${NOW}', '${NOW}')`,
    `insert into staff_skills (staff_id, skill, level) values (1, '电缆', 2)`,
    `insert into certificates (staff_id, kind, number, issue_date, expiry_date, created_at, updated_at) values (1, 'lv_electrician', 'T-1', '2024-01-01', '2030-01-01', '${NOW}', '${NOW}')`,
    `insert into training_sessions (course, category, date, hours, created_at, updated_at) values ('安规考试', 'safety_rules', '2026-03-01', 4, '${NOW}', '${NOW}')`,
    `insert into training_attendees (session_id, staff_id, score, passed) values (1, 1, 92, 1)`,
  ],
  '0006_roster': [
    `insert into repair_areas (name, kind, arrival_minutes, restore_minutes, created_at, updated_at) values ('城区', 'urban', 30, 240, '${NOW}', '${NOW}')`,
    `insert into duty_seasons (name, kind, start_date, end_date, shifts_json, peak_days_json, created_at, updated_at) values ('2026 迎峰度夏', 'summer', '2026-06-15', '2026-09-14', '[]', '[]', '${NOW}', '${NOW}')`,
    `insert into staff_absences (staff_id, kind, from_date, to_date, created_at, updated_at) values (1, 'leave', '2026-07-01', '2026-07-05', '${NOW}', '${NOW}')`,
    `insert into roster_assignments (season_id, date, shift, area_id, crew, staff_id, created_at) values (1, '2026-06-15', 'day', 1, 1, 1, '${NOW}')`,
    `insert into repair_calls (source, received_at, area_id, fault, created_at, updated_at) values ('95598', '2026-07-01T10:00', 1, '低压线路断线', '${NOW}', '${NOW}')`,
  ],
  '0007_upgrades': [
    `insert into equipment (kind, code, name, condition, created_at, updated_at) values ('transformer', 'T-001', '城关1号配变', 4, '${NOW}', '${NOW}')`,
    `insert into upgrade_requests (equipment_id, problem, proposed_work, project_type, estimated_cost, customers_affected, status, requested_by, created_at, updated_at) values (1, '漏油', '更换', 'renovation', 12.5, 300, 'draft', 'clerk1', '${NOW}', '${NOW}')`,
    `insert into upgrade_events (request_id, at, username, action, from_status, to_status) values (1, '${NOW}', 'clerk1', 'submit', 'draft', 'submitted')`,
    `insert into budgets (year, budget, updated_at) values (2026, 500, '${NOW}')`,
    `insert into upgrade_punch_items (request_id, text, created_at) values (1, '接地引下线未涂色', '${NOW}')`,
  ],
  // Filled from the staff, equipment and request rows above by the migration itself.
  '0008_search_office': [],
  '0009_lightning': [
    `insert into lightning_devices (kind, code, site, line_id, tower, soil_resistivity, created_at, updated_at) values ('grounding', 'JD-001', 'tower', 1, '#12', 300, '${NOW}', '${NOW}')`,
    `insert into lightning_campaigns (name, deadline, created_at, created_by) values ('2027 雷雨季前', '2027-04-30', '${NOW}', 'clerk1')`,
    `insert into lightning_tests (device_id, tested_on, tester, grounding_ohm, campaign_id, verdict, judgement_json, created_at, updated_at) values (1, '2026-04-01', '张工', 16, 1, 'fail', '{}', '${NOW}', '${NOW}')`,
    `insert into lightning_campaign_devices (campaign_id, device_id, due_on) values (1, 1, '2026-04-01')`,
    `insert into lightning_rectifications (device_id, test_id, grade, reason, found_on, due_on, status) values (1, 1, 'general', '超标', '2026-04-01', '2027-04-01', 'open')`,
    `insert into lightning_trips (line_id, occurred_at, reclosed, created_at, updated_at) values (1, '2026-07-15T14:20', 1, '${NOW}', '${NOW}')`,
    `insert into lightning_trip_devices (trip_id, device_id) values (1, 1)`,
  ],
  '0010_database_sizes': [`insert into database_sizes (day, bytes) values ('2026-11-20', 1048576)`],
  '0011_sign_in_failures': [
    `insert into sign_in_failures (key, username, address, failures, first_at, last_at, locked_until) values ('pair:zhao|192.168.1.9', 'zhao', '192.168.1.9', 3, '${NOW}', '${NOW}', null)`,
  ],
  // Adds columns to vegetation_records (found date, deadline, late reason), filled by the migration itself.
  '0012_hazard_deadlines': [],
  '0013_trimming_planner': [
    `insert into team_townships (team_id, township_id) values (1, 1)`,
    `insert into team_unavailability (team_id, from_date, to_date, reason, created_at) values (1, '2026-12-08', '2026-12-10', '培训', '${NOW}')`,
    `insert into office_calendar (date, kind, name, updated_at) values ('2027-01-01', 'holiday', '元旦', '${NOW}')`,
    `insert into work_packages (team_id, date, days, last_date, line_id, method, status, minutes, created_at, updated_at) values (1, '2026-12-08', 1, '2026-12-08', 1, 'no_outage', 'planned', 120, '${NOW}', '${NOW}')`,
    `insert into work_package_records (package_id, record_id) values (1, 1)`,
    `insert into outage_windows (line_id, date, start_time, end_time, reason, customers_affected, status, created_at, updated_at) values (1, '2026-12-15', '08:00', '17:00', '树障清理', 300, 'approved', '${NOW}', '${NOW}')`,
    `insert into trimming_months (month, status) values ('2026-12', 'submitted')`,
  ],
  '0014_import_layouts': [
    `insert into import_layouts (sheet, layout, mapping_json, saved_by, saved_at) values ('vegetation', '位置|株数|树种|线路', '{"towerRange":"位置"}', 'clerk1', '${NOW}')`,
  ],
  // Adds upgrade_requests.request_no, filled by the migration itself for requests already submitted.
  '0015_upgrade_request_numbers': [],
  '0016_line_tower_counts': [`update lines set tower_count = 180 where id = 1`],
  '0017_line_towers': [
    `insert into line_towers (line_id, number, kind, longitude, latitude, altitude, created_at, updated_at) values (1, 12, 'strain', 113.2641, 23.1291, 35.5, '${NOW}', '${NOW}')`,
  ],
  '0018_township_positions': [`update townships set longitude = 111.6985, latitude = 29.0317 where id = 1`],
};

function snapshot(file: string, tables: string[]): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

describe('upgrading from every earlier schema version', () => {
  it('every migration has seed rows for this test', () => {
    expect(Object.keys(SEEDS)).toEqual(migrations.map((m) => m.id));
  });

  it.each(migrations.slice(0, -1).map((_, i) => i + 1))(
    'a database at version %i keeps all its rows after migrating to the latest',
    async (version) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'griddesk-upgrade-'));
      const file = path.join(dir, 'old.sqlite');
      try {
        const old = openDatabase({ file });
        await migrate(old.db, migrations.slice(0, version));
        await old.close();
        const raw = new Database(file);
        for (const m of migrations.slice(0, version)) for (const stmt of SEEDS[m.id]!) raw.prepare(stmt).run();
        const all = raw
          .prepare(
            "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'schema_migrations'",
          )
          .all() as { name: string; sql: string }[];
        // Full-text indexes and their shadow tables are rebuilt from the ledgers: not data to keep.
        const virtual = all.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
        const tables = all.map((r) => r.name).filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
        raw.close();
        const before = snapshot(file, tables);

        const upgraded = openDatabase({ file });
        const applied = await migrate(upgraded.db);
        await upgraded.close();

        expect(applied).toEqual(migrations.slice(version).map((m) => m.id));
        const after = snapshot(file, tables);
        // New columns may be added; every old column keeps its value in every old row.
        for (const t of tables) {
          expect(after[t]!.length, t).toBe(before[t]!.length);
          before[t]!.forEach((row, i) => expect(after[t]![i], t).toMatchObject(row as object));
        }
        const db = new Database(file, { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
