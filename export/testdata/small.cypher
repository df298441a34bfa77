// policygraph: recreate the policy graph (cypher-shell -f this-file)
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pillar_id IF NOT EXISTS FOR (n:Pillar) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measuregroup_id IF NOT EXISTS FOR (n:MeasureGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT law_id IF NOT EXISTS FOR (n:Law) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fund_id IF NOT EXISTS FOR (n:Fund) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policydirection_id IF NOT EXISTS FOR (n:PolicyDirection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT amount_id IF NOT EXISTS FOR (n:Amount) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
UNWIND [
  {id: 'doc:2023', props: {edition: '第2次中間整理', file: '000_test.txt', id: 'doc:2023', lines: 40, publisher: '経済産業省', sha256: 'abc', title: '第2次中間整理', year: 2023}}
] AS row
MERGE (n:Document {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'pillar:2023:MISSION-1', props: {aliases: ['ＧＸ', 'GX'], citation: '経済産業省「第2次中間整理」(2023年) p. 1（000_test.txt 1–2行）', documentId: 'doc:2023', documentTitle: '第2次中間整理', edition: '第2次中間整理', file: '000_test.txt', id: 'pillar:2023:MISSION-1', key: 'MISSION-1', kind: 'MISSION', lineEnd: 2, lineStart: 1, longTermGoal: '2050年CN', name: '炭素中立型社会の実現', ordinal: 1, page: 1, quote: 'ミッション①'}}
] AS row
MERGE (n:Pillar {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'group:2023:MISSION-1:0001', props: {citation: '経済産業省「第2次中間整理」(2023年) p. 2（000_test.txt 3行）', documentId: 'doc:2023', documentTitle: '第2次中間整理', edition: '第2次中間整理', file: '000_test.txt', id: 'group:2023:MISSION-1:0001', lineEnd: 3, lineStart: 3, name: '【GX & <DX>】', page: 2, pillarId: 'pillar:2023:MISSION-1', quote: '【GX & <DX>】'}}
] AS row
MERGE (n:MeasureGroup {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'measure:2023:MISSION-1:0002', props: {citation: '経済産業省「第2次中間整理」(2023年) p. 2（000_test.txt 4–5行）', documentId: 'doc:2023', documentTitle: '第2次中間整理', edition: '第2次中間整理', file: '000_test.txt', groupId: 'group:2023:MISSION-1:0001', id: 'measure:2023:MISSION-1:0002', lineEnd: 5, lineStart: 4, page: 2, pillarId: 'pillar:2023:MISSION-1', quote: '○ It\'s\nquoted', relist: true, startYear: 2023, status: 'FUTURE', text: 'line one\nline two\tand \'x\'', title: 'It\'s a "quote" \\ back'}}
] AS row
MERGE (n:Measure {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'target:2023:MISSION-1:0003', props: {citation: '経済産業省「第2次中間整理」(2023年) p. 3（000_test.txt 6行）', documentId: 'doc:2023', documentTitle: '第2次中間整理', edition: '第2次中間整理', file: '000_test.txt', id: 'target:2023:MISSION-1:0003', kind: 'LONG_TERM', lineEnd: 6, lineStart: 6, page: 3, pillarId: 'pillar:2023:MISSION-1', quote: '150兆円', text: '150兆円', unit: '兆円', value: 150.5, year: 2030}}
] AS row
MERGE (n:Target {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'law:CHIPS法', props: {aliases: [], foreign: true, id: 'law:CHIPS法', name: 'CHIPS法'}}
] AS row
MERGE (n:Law {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'fund:グリーンイノベーション基金', props: {aliases: ['GI基金'], id: 'fund:グリーンイノベーション基金', name: 'グリーンイノベーション基金'}}
] AS row
MERGE (n:Fund {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'direction:2025:1', props: {citation: '経済産業省「第2次中間整理」(2023年) p. 4（000_test.txt 7行）', documentId: 'doc:2023', documentTitle: '第2次中間整理', edition: '第2次中間整理', file: '000_test.txt', id: 'direction:2025:1', lineEnd: 7, lineStart: 7, ordinal: 1, page: 4, quote: '政策の方向性①', title: '方向性①'}}
] AS row
MERGE (n:PolicyDirection {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'amount:2023:6:1', props: {citation: '経済産業省「第2次中間整理」(2023年) p. 3（000_test.txt 6行）', documentId: 'doc:2023', documentTitle: '第2次中間整理', edition: '第2次中間整理', endYear: 2032, file: '000_test.txt', id: 'amount:2023:6:1', lineEnd: 6, lineStart: 6, page: 3, qualifier: '約…以上', quote: '約9007兆1992億5474万993円以上', startYear: 2023, surface: '9007兆1992億5474万993円', yen: 9007199254740993}}
] AS row
MERGE (n:Amount {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'org:JIC', props: {aliases: ['JIC'], id: 'org:JIC', kind: 'AGENCY', name: '産業革新投資機構'}}
] AS row
MERGE (n:Organisation {id: row.id})
SET n += row.props;
UNWIND [
  {id: 'CITES_LAW:measure:2023:MISSION-1:0002->law:CHIPS法', start: 'measure:2023:MISSION-1:0002', end: 'law:CHIPS法', props: {line: 4, surface: 'CHIPS法'}}
] AS row
MATCH (a:Measure {id: row.start})
MATCH (b:Law {id: row.end})
MERGE (a)-[r:CITES_LAW {id: row.id}]->(b)
SET r += row.props;
UNWIND [
  {id: 'EVOLVES_FROM:x', start: 'measure:2023:MISSION-1:0002', end: 'measure:2023:MISSION-1:0002', props: {score: 1.0}}
] AS row
MATCH (a:Measure {id: row.start})
MATCH (b:Measure {id: row.end})
MERGE (a)-[r:EVOLVES_FROM {id: row.id}]->(b)
SET r += row.props;
UNWIND [
  {id: 'HAS_AMOUNT:target:2023:MISSION-1:0003->amount:2023:6:1', start: 'target:2023:MISSION-1:0003', end: 'amount:2023:6:1', props: {line: 6}}
] AS row
MATCH (a:Target {id: row.start})
MATCH (b:Amount {id: row.end})
MERGE (a)-[r:HAS_AMOUNT {id: row.id}]->(b)
SET r += row.props;
UNWIND [
  {id: 'HAS_PILLAR:doc:2023->pillar:2023:MISSION-1', start: 'doc:2023', end: 'pillar:2023:MISSION-1', props: {}}
] AS row
MATCH (a:Document {id: row.start})
MATCH (b:Pillar {id: row.end})
MERGE (a)-[r:HAS_PILLAR {id: row.id}]->(b)
SET r += row.props;
UNWIND [
  {id: 'MENTIONS_ORG:measure:2023:MISSION-1:0002->org:JIC', start: 'measure:2023:MISSION-1:0002', end: 'org:JIC', props: {line: 4, surface: 'ＪＩＣ'}}
] AS row
MATCH (a:Measure {id: row.start})
MATCH (b:Organisation {id: row.end})
MERGE (a)-[r:MENTIONS_ORG {id: row.id}]->(b)
SET r += row.props;
UNWIND [
  {id: 'USES_FUND:measure:2023:MISSION-1:0002->fund:グリーンイノベーション基金', start: 'measure:2023:MISSION-1:0002', end: 'fund:グリーンイノベーション基金', props: {line: 5, surface: 'GI基\n金'}}
] AS row
MATCH (a:Measure {id: row.start})
MATCH (b:Fund {id: row.end})
MERGE (a)-[r:USES_FUND {id: row.id}]->(b)
SET r += row.props;
