import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ImportRefusalProblem, ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs, checksum, userId } from '../../testing/workflow-fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
async function setUp(tx: Tx) {
  const accounts = await addAccounts(tx, await twoTownships(tx));
  // imports are the administrator's (authority.test.ts shows everyone else refused)
  return {
    admin: await appAs(tx, accounts.admin),
    nobody: await appAs(tx, null),
    zhang: await appAs(tx, await userId(tx, 'fx_zhang')),
  };
}

// Two venues in township A (121.0-121.1, 30.0-30.1); the BOM, CRLF, a quoted comma and an
// injection string must all arrive verbatim.
const VENUES =
  '\uFEFFexternal_id,name,address,category,risk_level,lon,lat,registered_at,indoor_ebike_charging\r\n' +
  'EV-1,"Robert\'); DROP TABLE venues;--","中山路1号, 东湖",ebike,medium,121.01,30.01,2026-01-01,true\r\n' +
  'EV-2,东湖小店,,retail,low,121.06,30.02,2026-01-02T08:00:00+08:00,\r\n';

describe('CSV imports', () => {
  it('imports venues, and the same file again updates them instead of duplicating', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const first = await upload(admin, 'venues', VENUES);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ inserted: 2, updated: 0 });
      expect(await (await upload(admin, 'venues', VENUES)).json()).toEqual({ inserted: 0, updated: 2 });
      const rows = await tx.query<{
        external_id: string;
        name: string;
        address: string;
        cell: string | null;
        indoor_ebike_charging: boolean;
      }>(
        `SELECT v.external_id, v.name, v.address, c.code AS cell, v.indoor_ebike_charging FROM venues v
           LEFT JOIN grid_cells c ON c.id = v.grid_cell_id WHERE v.external_id IS NOT NULL ORDER BY v.external_id`,
      );
      expect(rows).toEqual([
        {
          external_id: 'EV-1',
          name: "Robert'); DROP TABLE venues;--",
          address: '中山路1号, 东湖',
          cell: 'FX-A-1',
          indoor_ebike_charging: true,
        },
        { external_id: 'EV-2', name: '东湖小店', address: '', cell: 'FX-A-2', indoor_ebike_charging: false },
      ]);
      const audits = await tx.query<{ action: string }>(`SELECT action FROM audit_log`);
      expect(audits.map((a) => a.action)).toEqual(['import.venues', 'import.venues']);
    });
  });

  it('imports a file of 2,500 venues in batches, then updates all of them', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      let file = 'external_id,name,category,risk_level,lon,lat,registered_at\n';
      for (let i = 0; i < 2500; i++)
        file += `M-${i},店${i},retail,low,${(121.001 + (i % 97) / 1000).toFixed(4)},${(30.001 + (i % 89) / 1000).toFixed(4)},2026-01-01\n`;
      expect(await (await upload(admin, 'venues', file)).json()).toEqual({ inserted: 2500, updated: 0 });
      expect(await (await upload(admin, 'venues', file.replaceAll('retail', 'repair'))).json()).toEqual({
        inserted: 0,
        updated: 2500,
      });
      const byCell = await tx.query<{ category: string; n: number }>(
        `SELECT category::text, count(*)::int AS n FROM venues WHERE external_id LIKE 'M-%' AND grid_cell_id IS NOT NULL GROUP BY 1`,
      );
      expect(byCell).toEqual([{ category: 'repair', n: 2500 }]);
    });
  });

  it('refuses a file with two bad rows with 422 listing both lines and writes nothing', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const before = await checksum(tx);
      const file =
        'external_id,name,category,risk_level,lon,lat,registered_at\n' +
        'B-1,ok,retail,low,121.01,30.01,2026-01-01\n' +
        'B-2,bad category,bakery,low,121.01,30.01,2026-01-01\n' +
        'B-3,"multi\nline name",retail,low,121.01,30.01,2026-01-01\n' +
        'B-4,bad latitude,retail,low,121.01,95,2026-01-01\n';
      const res = await upload(admin, 'venues', file);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      const problem = await bodyOf<ProblemDetails>(res);
      // B-3's quoted name spans lines 4-5, so B-4 is on line 6
      expect(problem.errors).toEqual([
        {
          line: 3,
          column: 'category',
          reason: 'unknown_value',
          message:
            'category "bakery" is not one of catering, retail, repair, ebike, entertainment, warehouse, workshop, lodging, training, other',
        },
        { line: 6, column: 'lat', reason: 'out_of_range', message: 'lat must be from -90 to 90' },
      ]);
      expect(problem.detail).toContain('nothing was imported');
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('refuses a venue outside every township on its line, and the rest of the file with it', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      const before = await checksum(tx);
      const file =
        'external_id,name,category,risk_level,lon,lat,registered_at\nO-1,in,retail,low,121.01,30.01,2026-01-01\nO-2,sea,retail,low,122.5,30.5,2026-01-01\n';
      const res = await upload(admin, 'venues', file);
      expect(res.status).toBe(422);
      const problem = await bodyOf<ProblemDetails>(res);
      expect(problem.errors).toHaveLength(1);
      expect(problem.errors?.[0]).toMatchObject({ line: 3, reason: 'constraint' });
      expect(String(problem.errors?.[0]?.message)).toContain('outside every township');
      expect(await checksum(tx)).toEqual(before);
    });
  });

  it('imports patrols, a hazard ledger with closed hazards and rebounds, and sign-offs that close a rectified hazard', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      await upload(admin, 'venues', VENUES);
      const patrols =
        'external_id,venue_external_id,worker_username,patrolled_at,result,note\n' +
        'P-1,EV-1,fx_zhang,2026-03-01T08:00:00Z,hazards_found,\nP-2,EV-1,fx_zhang,2026-03-31T08:00:00Z,hazards_found,复查\n';
      expect(await (await upload(admin, 'patrols', patrols)).json()).toEqual({ inserted: 2, updated: 0 });
      // H-1 closed on the spot 03-01; H-2 (same type, 30 days later) rebounds from it; H-3 is
      // rectified, waiting for sign-offs; H-4 was closed by joint acceptance in the old ledger.
      const hazards =
        'external_id,venue_external_id,patrol_external_id,type_code,status,found_at,fixed_on_spot,responsible_person,deadline,rectified_at,closed_at\n' +
        'H-2,EV-1,P-2,indoor_ebike_charging,open,2026-03-31T08:00:00Z,false,,,,\n' +
        'H-1,EV-1,P-1,indoor_ebike_charging,closed,2026-03-01T08:00:00Z,true,,,,2026-03-01T08:00:00Z\n' +
        'H-3,EV-2,,blocked_exit,rectified,2026-04-01,false,王,2026-04-10,2026-04-08,\n' +
        'H-4,EV-2,,gas_safety,closed,2026-02-01,false,王,2026-02-10,2026-02-08,2026-02-20\n';
      const imported = await upload(admin, 'hazards', hazards);
      expect(imported.status).toBe(200);
      expect(await imported.json()).toEqual({ inserted: 4, updated: 0, reboundLinksChanged: 1 });
      const links = async () =>
        tx.query<{ external_id: string; status: string; rebound: string | null }>(
          `SELECT h.external_id, h.status::text AS status, s.external_id AS rebound FROM hazards h
           LEFT JOIN hazards s ON s.id = h.rebound_of ORDER BY h.external_id`,
        );
      expect(await links()).toEqual([
        { external_id: 'H-1', status: 'closed', rebound: null },
        { external_id: 'H-2', status: 'open', rebound: 'H-1' },
        { external_id: 'H-3', status: 'rectified', rebound: null },
        { external_id: 'H-4', status: 'closed', rebound: null },
      ]);
      const signOffs =
        'external_id,hazard_external_id,party,passed,at,signed_by\n' +
        'A-1,H-3,territorial,true,2026-04-09,街道\nA-2,H-3,industry,1,2026-04-09,商务局\nA-3,H-3,special,yes,2026-04-10,消防\n';
      expect(await (await upload(admin, 'acceptances', signOffs)).json()).toEqual({
        inserted: 3,
        updated: 0,
        hazardsClosed: 1,
      });
      expect((await links()).find((h) => h.external_id === 'H-3')?.status).toBe('closed');
      // the same files again: updates only, no new transitions or sign-offs
      const counts = async () =>
        (
          await tx.query<{ t: number; a: number }>(
            'SELECT (SELECT count(*) FROM hazard_transitions)::int AS t, (SELECT count(*) FROM acceptances)::int AS a',
          )
        )[0];
      const before = await counts();
      expect(
        await (
          await upload(
            admin,
            'hazards',
            hazards.replace(
              'H-3,EV-2,,blocked_exit,rectified,2026-04-01,false,王,2026-04-10,2026-04-08,',
              'H-3,EV-2,,blocked_exit,closed,2026-04-01,false,王,2026-04-10,2026-04-08,2026-04-10',
            ),
          )
        ).json(),
      ).toEqual({ inserted: 0, updated: 4, reboundLinksChanged: 0 });
      expect(await (await upload(admin, 'acceptances', signOffs)).json()).toEqual({
        inserted: 0,
        updated: 3,
        hazardsClosed: 0,
      });
      expect(await counts()).toEqual(before);
      expect(await (await upload(admin, 'patrols', patrols)).json()).toEqual({ inserted: 0, updated: 2 });
      expect(
        await tx.query(
          `SELECT count(*)::int AS n, count(grid_cell_id)::int AS located FROM patrols WHERE external_id IS NOT NULL`,
        ),
      ).toEqual([{ n: 2, located: 2 }]);
      // every closing is backed by passed sign-offs, as the deferred database check demands
      await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
    });
  });

  it('stores a hazard imported closed with only found/closed times and fixed_on_spot, marked, with its sign-offs on record', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      await upload(admin, 'venues', VENUES);
      // a historic ledger: HX-1 closed by joint acceptance, HX-2 fixed on the spot, no other facts; HX-3 is
      // the same type as HX-1 found 40 days after it closed (a rebound), HX-4 a rectified row without its time
      const minimal =
        'external_id,venue_external_id,type_code,status,found_at,fixed_on_spot,closed_at\n' +
        'HX-1,EV-1,gas_safety,closed,2026-02-01T02:00:00Z,false,2026-02-20T02:00:00Z\n' +
        'HX-2,EV-2,blocked_exit,closed,2026-02-03T02:00:00Z,true,2026-02-03T02:00:00Z\n' +
        'HX-3,EV-1,gas_safety,open,2026-04-01T02:00:00Z,false,\n';
      expect(await (await upload(admin, 'hazards', minimal)).json()).toEqual({
        inserted: 3,
        updated: 0,
        reboundLinksChanged: 1,
      });
      const stored = () =>
        tx.query<{
          external_id: string;
          status: string;
          recorded_closed: boolean;
          responsible_person: string | null;
          deadline: Date | null;
          rectified_at: string | null;
          rebound: string | null;
          sign_offs: string | null;
        }>(
          `SELECT h.external_id, h.status::text AS status, h.recorded_closed, h.responsible_person, h.deadline,
                  to_char(h.rectified_at AT TIME ZONE 'UTC', 'MM-DD') AS rectified_at, s.external_id AS rebound,
                  (SELECT string_agg(a.party::text || '@' || to_char(a.at AT TIME ZONE 'UTC', 'MM-DD'), ' ' ORDER BY a.party::text)
                     FROM acceptances a WHERE a.hazard_id = h.id AND a.passed) AS sign_offs
             FROM hazards h LEFT JOIN hazards s ON s.id = h.rebound_of
            WHERE h.external_id LIKE 'HX-%' ORDER BY h.external_id`,
        );
      // the on-the-spot fix was rectified when closed: nothing is missing, so it is not marked
      expect(await stored()).toEqual([
        {
          external_id: 'HX-1',
          status: 'closed',
          recorded_closed: true,
          responsible_person: null,
          deadline: null,
          rectified_at: null,
          rebound: null,
          sign_offs: 'industry@02-20 special@02-20 territorial@02-20',
        },
        {
          external_id: 'HX-2',
          status: 'closed',
          recorded_closed: false,
          responsible_person: null,
          deadline: null,
          rectified_at: '02-03',
          rebound: null,
          sign_offs: 'on_the_spot@02-03',
        },
        {
          external_id: 'HX-3',
          status: 'open',
          recorded_closed: false,
          responsible_person: null,
          deadline: null,
          rectified_at: null,
          rebound: 'HX-1',
          sign_offs: null,
        },
      ]);
      // the same ledger with every detail: the same rebound links; HX-1 is no longer marked
      const full =
        'external_id,venue_external_id,type_code,status,found_at,fixed_on_spot,responsible_person,deadline,rectified_at,closed_at\n' +
        'HX-1,EV-1,gas_safety,closed,2026-02-01T02:00:00Z,false,王,2026-02-10T02:00:00Z,2026-02-08T02:00:00Z,2026-02-20T02:00:00Z\n' +
        'HX-2,EV-2,blocked_exit,closed,2026-02-03T02:00:00Z,true,,,,2026-02-03T02:00:00Z\n' +
        'HX-3,EV-1,gas_safety,open,2026-04-01T02:00:00Z,false,,,,\n';
      expect(await (await upload(admin, 'hazards', full)).json()).toEqual({
        inserted: 0,
        updated: 3,
        reboundLinksChanged: 0,
      });
      expect((await stored()).map((h) => [h.external_id, h.recorded_closed, h.rectified_at, h.rebound])).toEqual([
        ['HX-1', false, '02-08', null],
        ['HX-2', false, '02-03', null],
        ['HX-3', false, null, 'HX-1'],
      ]);
      // every closing is backed by passed sign-offs, as the deferred database check demands
      await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
    });
  });

  it('still refuses a rectified or rectifying row without its facts, and the live workflow cannot close without them', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      await upload(admin, 'venues', VENUES);
      const before = await checksum(tx);
      const bad = await bodyOf<ImportRefusalProblem>(
        await upload(
          admin,
          'hazards',
          'external_id,venue_external_id,type_code,status,found_at,closed_at\n' +
            'HY-1,EV-1,gas_safety,rectified,2026-02-01,\nHY-2,EV-1,gas_safety,rectifying,2026-02-01,\n' +
            'HY-4,EV-1,gas_safety,closed,2026-02-01,2026-01-31\n',
        ),
      );
      expect(bad.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
        [2, 'rectified_at', 'status_rule'],
        [2, 'responsible_person', 'status_rule'],
        [3, 'responsible_person', 'status_rule'],
        [4, 'closed_at', 'time_order'],
      ]);
      expect(await checksum(tx)).toEqual(before);
      // an open hazard in the live workflow: closing it is refused, and the database refuses an unmarked
      // closed row without its rectification time
      await upload(
        admin,
        'hazards',
        'external_id,venue_external_id,type_code,status,found_at\nHY-3,EV-1,gas_safety,open,2026-02-01\n',
      );
      const [h] = await tx.query<{ id: number }>(`SELECT id FROM hazards WHERE external_id = 'HY-3'`);
      const close = await admin.request(`/api/hazards/${h!.id}/close`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ note: 'closing' }),
      });
      expect(close.status).toBe(409);
      await expect(
        tx.transaction((sp) =>
          sp.query(`UPDATE hazards SET status = 'closed', closed_at = '2026-03-01' WHERE id = $1`, [h!.id]),
        ),
      ).rejects.toThrow(/hazards_(rectified_has_time|assigned_when_rectifying)/);
      await expect(
        tx.transaction((sp) => sp.query(`UPDATE hazards SET recorded_closed = true WHERE id = $1`, [h!.id])),
      ).rejects.toThrow(/hazards_recorded_closed_is_closed/);
    });
  });

  it('refuses patrols and hazards that point at unknown venues, users, types or impossible times, listing every line in order', async () => {
    await rolledBack(async (tx) => {
      const { admin } = await setUp(tx);
      await upload(admin, 'venues', VENUES);
      const patrols =
        'external_id,venue_external_id,worker_username,patrolled_at,result\n' +
        'P-1,NOPE,fx_zhang,2026-03-01,ok\nP-2,EV-1,ghost,2026-03-01,ok\nP-3,EV-1,fx_zhang,2025-12-01,ok\nP-4,EV-1,fx_zhang,2026-03-01,fine\n';
      const res = await upload(admin, 'patrols', patrols);
      expect(res.status).toBe(422);
      // line 5's bad cell is found first, when the file is parsed; the list is by line
      expect((await bodyOf<ImportRefusalProblem>(res)).errors.map((e) => [e.line, e.column, e.reason])).toEqual([
        [2, 'venue_external_id', 'unknown_reference'],
        [3, 'worker_username', 'unknown_reference'],
        [4, 'patrolled_at', 'time_order'],
        [5, 'result', 'unknown_value'],
      ]);
      const hazards =
        'external_id,venue_external_id,type_code,status,found_at,deadline,closed_at\n' +
        'H-1,EV-1,mystery,open,2026-03-01,,\nH-2,EV-1,blocked_exit,closed,2026-03-01,,\nH-3,EV-1,blocked_exit,open,2026-03-01,2026-02-01,\n';
      const bad = await bodyOf<ImportRefusalProblem>(await upload(admin, 'hazards', hazards));
      expect(bad.status).toBe(422);
      expect(new Set(bad.errors.map((e) => e.line))).toEqual(new Set([2, 3, 4]));
      // the catalogue is named with its size; a list of more than 10 codes would be summarised
      expect(bad.errors.find((e) => e.column === 'type_code')).toEqual({
        line: 2,
        column: 'type_code',
        reason: 'unknown_value',
        message:
          'type_code "mystery" is not in the hazard-type catalogue (9 codes: blocked_exit, charging_near_stock, ' +
          'flammables, gas_safety, indoor_ebike_charging, living_in_shop, no_emergency_light, no_extinguisher, unsafe_wiring)',
      });
    });
  });

  it('answers bad uploads with problems: wrong type 415, oversized 413, nobody 401, not admin 403, empty, unknown column, broken CSV 422', async () => {
    await rolledBack(async (tx) => {
      const { admin, nobody, zhang } = await setUp(tx);
      const before = await checksum(tx);
      const wrongType = await upload(admin, 'venues', VENUES, 'application/json');
      expect(wrongType.status).toBe(415);
      expect((await bodyOf<ProblemDetails>(wrongType)).detail).toContain('send text/csv');
      const huge = await upload(admin, 'venues', 'x'.repeat(20 * 1024 * 1024 + 1));
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect((await upload(nobody, 'venues', VENUES)).status).toBe(401);
      expect((await upload(zhang, 'venues', VENUES)).status).toBe(403);
      const empty = await upload(admin, 'venues', '');
      expect(empty.status).toBe(422);
      expect((await bodyOf<ProblemDetails>(empty)).detail).toContain('needs a header row');
      const unknown = await bodyOf<ProblemDetails>(await upload(admin, 'venues', 'external_id,colour\nX,red\n'));
      expect(unknown.errors).toContainEqual(expect.objectContaining({ line: 1, column: 'colour' }));
      expect(unknown.errors).toContainEqual(
        expect.objectContaining({ line: 1, column: 'name', message: 'required column "name" is missing' }),
      );
      const broken = await bodyOf<ProblemDetails>(await upload(admin, 'venues', 'external_id,name\n"X,unclosed\n'));
      expect(broken.errors).toEqual([
        { line: 2, reason: 'csv_syntax', message: 'a quoted field is not closed before the end of the file' },
      ]);
      const badUtf8 = await admin.request('/api/import/venues', {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: new Uint8Array([0x61, 0xff, 0x0a]),
      });
      expect(badUtf8.status).toBe(400);
      expect(await checksum(tx)).toEqual(before);
    });
  });
});
