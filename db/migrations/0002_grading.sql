-- Reference data every city starts with (hazard types, the default grading standard)
-- and the grading function that turns a venue's facts into its computed risk level.

INSERT INTO hazard_types (code, name, name_en, default_severity) VALUES
  ('blocked_exit',          '安全出口/疏散通道堵塞', 'Blocked exit or escape route', 'major'),
  ('indoor_ebike_charging', '电动自行车室内停放充电', 'E-bike charged indoors',     'major'),
  ('charging_near_stock',   '充电区与货物混放',     'Charging next to stock',       'major'),
  ('no_extinguisher',       '未配置或失效灭火器',   'No working extinguisher',      'general'),
  ('unsafe_wiring',         '电气线路私拉乱接',     'Unsafe wiring',                'general'),
  ('gas_safety',            '燃气使用不规范',       'Unsafe gas use',               'major'),
  ('living_in_shop',        '"三合一"住人',         'People living in the shop',    'major'),
  ('flammables',            '违规存放易燃易爆物品', 'Flammables stored unsafely',   'major'),
  ('no_emergency_light',    '应急照明/疏散指示缺失', 'No emergency lighting',       'general');

INSERT INTO grading_rules (code, name, name_en, subject, category, threshold, points) VALUES
  ('cat_ebike',         '电动自行车销售/维修/充电', 'E-bike sales, repair or charging', 'category', 'ebike', NULL, 35),
  ('cat_warehouse',     '小仓库',             'Small warehouse',        'category', 'warehouse', NULL, 25),
  ('cat_workshop',      '小作坊',             'Small workshop',         'category', 'workshop', NULL, 25),
  ('cat_entertainment', '小娱乐场所',         'Small entertainment venue', 'category', 'entertainment', NULL, 25),
  ('cat_lodging',       '小旅馆/民宿',        'Small lodging',          'category', 'lodging', NULL, 20),
  ('cat_catering',      '小餐饮',             'Small restaurant',       'category', 'catering', NULL, 15),
  ('cat_repair',        '维修店',             'Repair shop',            'category', 'repair', NULL, 15),
  ('cat_training',      '小培训机构',         'Small training centre',  'category', 'training', NULL, 15),
  ('cat_retail',        '小商店',             'Small shop',             'category', 'retail', NULL, 5),
  ('cat_other',         '其他',               'Other',                  'category', 'other', NULL, 5),
  ('indoor_charging',   '室内停放充电',       'E-bikes charged indoors', 'indoor_ebike_charging', NULL, NULL, 20),
  ('charging_stock',    '充电与货物混放',     'Charging next to stock', 'charging_near_stock', NULL, NULL, 30),
  ('flammables',        '存放易燃易爆物品',   'Flammables stored',      'flammables_stored', NULL, NULL, 20),
  ('living_on_site',    '"三合一"住人',       'People living on site',  'people_living_on_site', NULL, NULL, 30),
  ('occupancy_50',      '容纳人数≥50',        'Occupancy of 50 or more', 'occupancy_at_least', NULL, 50, 15),
  ('open_hazards_2',    '未销号隐患≥2',       'Two or more open hazards', 'open_hazards_at_least', NULL, 2, 10),
  ('rebounds_1',        '近期隐患反弹',       'A hazard rebounded recently', 'rebounds_at_least', NULL, 1, 15);

-- Each venue's score, computed level and the rules that fired, as of a moment:
-- open hazards are those found by then and not yet closed then; rebounds are those found
-- within the rebound window before then. Inlinable, so a filter on venue_id is pushed down.
CREATE FUNCTION venue_grades(as_of timestamptz)
RETURNS TABLE (venue_id integer, score integer, computed_level risk_level, fired_rules text[])
LANGUAGE sql STABLE AS $$
  SELECT v.id,
         s.score,
         CASE WHEN s.score >= p.grade_high_score THEN 'high'::risk_level
              WHEN s.score >= p.grade_medium_score THEN 'medium'::risk_level
              ELSE 'low'::risk_level END,
         s.fired
    FROM venues v
    CROSS JOIN patrol_policy p
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE h.closed_at IS NULL OR h.closed_at > as_of) AS open_hazards,
             count(*) FILTER (WHERE h.rebound_of IS NOT NULL
                                AND h.found_at > as_of - make_interval(days => p.rebound_window_days)) AS rebounds
        FROM hazards h
       WHERE h.venue_id = v.id AND h.found_at <= as_of
    ) hz
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(r.points), 0)::integer AS score,
             coalesce(array_agg(r.code ORDER BY r.points DESC, r.code), '{}'::text[]) AS fired
        FROM grading_rules r
       WHERE r.enabled AND CASE r.subject
               WHEN 'category' THEN r.category = v.category
               WHEN 'indoor_ebike_charging' THEN v.indoor_ebike_charging
               WHEN 'charging_near_stock' THEN v.charging_near_stock
               WHEN 'flammables_stored' THEN v.flammables_stored
               WHEN 'people_living_on_site' THEN v.people_living_on_site
               WHEN 'occupancy_at_least' THEN v.occupancy >= r.threshold
               WHEN 'open_hazards_at_least' THEN hz.open_hazards >= r.threshold
               WHEN 'rebounds_at_least' THEN hz.rebounds >= r.threshold
               ELSE false END
    ) s
$$;

-- Rebound link for a hazard about to be written (DESIGN: latest hazard of the same type at the
-- same venue closed before it was found, within the rebound window).
CREATE FUNCTION rebound_source(p_venue_id integer, p_type_code text, p_found_at timestamptz, p_exclude bigint DEFAULT NULL)
RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT h.id FROM hazards h, patrol_policy p
   WHERE h.venue_id = p_venue_id AND h.type_code = p_type_code
     AND h.closed_at < p_found_at
     AND h.closed_at >= p_found_at - make_interval(days => p.rebound_window_days)
     AND h.id IS DISTINCT FROM p_exclude
   ORDER BY h.closed_at DESC, h.id DESC
   LIMIT 1
$$;
