package storetest

import "github.com/policygraph/policygraph"

// Ids of the fixture, named for the expectations that use them.
const (
	doc23 = "doc:2023"
	doc25 = "doc:2025"

	p23M1  = "pillar:2023:MISSION-1" // 炭素中立型社会の実現
	p23M2  = "pillar:2023:MISSION-2" // デジタル社会の実現
	p23OS1 = "pillar:2023:OS-1"      // 人材
	p25M1  = "pillar:2025:MISSION-1" // ＧＸ, CONTINUES p23M1
	p25OS1 = "pillar:2025:OS-1"      // スタートアップ

	gDigital = "group:2023:MISSION-2:aaaa1111" // 【デジタル人材基盤】
	gReskill = "group:2023:OS-1:bbbb2222"      // 【リスキリング支援】
	gETS     = "group:2025:MISSION-1:cccc3333" // 〇排出量取引制度

	m1 = "measure:2023:MISSION-1:3f2a9c1b" // PAST 2023-2032, cites GX推進法, uses GI基金
	m2 = "measure:2023:MISSION-1:4b5c6d7e" // FUTURE 2024
	m3 = "measure:2023:MISSION-2:5c6d7e8f" // PAST 2021-2023, ５Ｇ, uses 経済安保基金
	m4 = "measure:2023:MISSION-2:6d7e8f90" // UNKNOWN, REFERS_TO gReskill
	m5 = "measure:2023:OS-1:7e8f90a1"      // FUTURE 2024-2028, cites 独占禁止法
	m6 = "measure:2023:OS-1:8f90a1b2"      // FUTURE, 再掲 of m3
	m7 = "measure:2025:MISSION-1:90a1b2c3" // PROGRESS 2026, cites GX推進法, EVOLVES_FROM m1
	m8 = "measure:2025:OS-1:a1b2c3d4"      // TODO 2025-2027, cites 独占禁止法

	t1 = "target:2023:MISSION-1:c1d2e3f4" // LONG_TERM 2030 46％
	t4 = "target:2023:OS-1:f4a5b6c7"      // KEY_MESSAGE, no year
	t5 = "target:2023:MISSION-1:a5b6c7d8" // LONG_TERM 2032 100兆円, revised by t2
	t2 = "target:2025:MISSION-1:d2e3f4a5" // INDICATOR 2033 150兆円, uses GI基金
	t3 = "target:2025:OS-1:e3f4a5b6"      // MID_TERM 2027 10兆円

	lawGX      = "law:GX推進法"
	lawAntiMon = "law:独占禁止法"
	lawIRA     = "law:インフレ削減法"   // foreign, cited by p25M1 itself
	lawEcoSec  = "law:経済安全保障推進法" // cited by nothing

	fundGI     = "fund:グリーンイノベーション基金"
	fundEcoSec = "fund:経済安全保障重要技術育成基金"

	dir1 = "direction:2025:1"

	a1 = "amount:2025:6:1"  // 150兆円超, held by t2 and fundGI
	a2 = "amount:2025:61:1" // 10兆円規模, held by t3
	a3 = "amount:2023:5:1"  // 2兆円, held by doc:2023 alone

	orgJIC  = "org:JIC"  // 産業革新投資機構, mentioned by t3 and p25OS1 (two mentions of one pillar)
	orgNEDO = "org:NEDO" // mentioned by m1 and m7: pillars of both editions
	orgOECD = "org:OECD" // INTERNATIONAL, mentioned by doc:2025 only
)

// Fixture returns a new copy of a small graph that exercises every Store
// method: two editions, pillars of both kinds with CONTINUES, groups,
// measures of every status with and without years, a 再掲 and its original,
// a REFERS_TO across pillars, targets with year/value/unit, laws (one
// foreign, two cited from both editions, one cited by nothing), funds used
// by a measure and a target, a policy direction and an EVOLVES_FROM. Texts
// mix full-width and half-width forms (ＧＸ/GX, ５Ｇ) and stray spaces.
func Fixture() *policygraph.Graph {
	src := func(file string, start, end int, quote string) policygraph.Source {
		return policygraph.Source{File: file, LineStart: start, LineEnd: end, Quote: quote}
	}
	const f23, f25 = "000_69167627890d1468.txt", "001_35a8d6215b8ea1a0.txt"
	g := &policygraph.Graph{
		Documents: []*policygraph.Document{
			{ID: doc23, Title: "経済産業政策新機軸部会 第２次中間整理", Edition: "第2次中間整理", Year: 2023,
				Publisher: "経済産業省", SourceURL: "https://www.meti.go.jp/2023.pdf", File: f23, SHA256: "69167627890d1468", Lines: 1200},
			{ID: doc25, Title: "経済産業政策新機軸部会 第４次中間整理", Edition: "第4次中間整理", Year: 2025,
				Publisher: "経済産業省", File: f25, SHA256: "35a8d6215b8ea1a0", Lines: 900},
		},
		Pillars: []*policygraph.Pillar{
			{ID: p25OS1, DocumentID: doc25, Key: "OS-1", Kind: policygraph.KindOS, Ordinal: 1,
				Name: "スタートアップ・イノベーション", Aliases: []string{"スタートアップ"},
				Source: src(f25, 60, 60, "ＯＳ１ スタートアップ・イノベーション")},
			{ID: p23M1, DocumentID: doc23, Key: "MISSION-1", Kind: policygraph.KindMission, Ordinal: 1,
				Name: "炭素中立型社会の実現", Aliases: []string{"ＧＸ"}, LongTermGoal: "2050年カーボンニュートラルの実現",
				Source: src(f23, 10, 11, "ミッション１ 炭素中立型社会の実現")},
			{ID: p23OS1, DocumentID: doc23, Key: "OS-1", Kind: policygraph.KindOS, Ordinal: 1,
				Name: "人材", Aliases: []string{"人への投資"},
				Source: src(f23, 80, 80, "ＯＳ１ 人材")},
			{ID: p23M2, DocumentID: doc23, Key: "MISSION-2", Kind: policygraph.KindMission, Ordinal: 2,
				Name: "デジタル社会の実現", Aliases: []string{"ＤＸ"},
				Source: src(f23, 40, 40, "ミッション２ デジタル社会の実現")},
			{ID: p25M1, DocumentID: doc25, Key: "MISSION-1", Kind: policygraph.KindMission, Ordinal: 1,
				Name: "ＧＸ（グリーントランスフォーメーション）", Aliases: []string{"GX"},
				LongTermGoal: "米国インフレ削減法に対抗するＧＸ投資の拡大",
				Source:       src(f25, 5, 5, "ミッション１ ＧＸ")},
		},
		Groups: []*policygraph.MeasureGroup{
			{ID: gDigital, DocumentID: doc23, PillarID: p23M2, Name: "【デジタル人材基盤】", Source: src(f23, 45, 45, "【デジタル人材基盤】")},
			{ID: gReskill, DocumentID: doc23, PillarID: p23OS1, Name: "【リスキリング支援】", Source: src(f23, 85, 85, "【リスキリング支援】")},
			{ID: gETS, DocumentID: doc25, PillarID: p25M1, Name: "〇排出量取引制度", Source: src(f25, 8, 8, "〇排出量取引制度")},
		},
		Measures: []*policygraph.Measure{
			{ID: m1, DocumentID: doc23, PillarID: p23M1, Title: "ＧＸ推進法に基づくＧＸ経済移行債の発行",
				Text:   "ＧＸ推進法に基づくＧＸ経済移行債の発行。グリーンイノベーション基金による研究開発支援。",
				Status: policygraph.StatusPast, Horizon: "足下３年程度", StartYear: 2023, EndYear: 2032,
				Source: src(f23, 12, 13, "● ＧＸ推進法に基づくＧＸ経済移行債の発行。グリーンイノベーション 基金による研究開発支援。")},
			{ID: m2, DocumentID: doc23, PillarID: p23M1, Title: "水素・アンモニアの サプライチェーン構築",
				Text: "水素・アンモニアの サプライチェーン構築を支援する。", Status: policygraph.StatusFuture, StartYear: 2024, Overview: true,
				Source: src(f23, 14, 15, "○ 水素・アンモニアの サプライチェーン構築を支援する。")},
			{ID: m3, DocumentID: doc23, PillarID: p23M2, GroupID: gDigital, Title: "半導体・デジタル産業戦略の推進",
				Text: "半導体・デジタル産業戦略の推進。５Ｇ基地局の整備を支援。", Status: policygraph.StatusPast,
				StartYear: 2021, EndYear: 2023,
				Source: src(f23, 46, 47, "● 半導体・デジタル産業戦略の推進。５Ｇ基地局の整備を支援。")},
			{ID: m4, DocumentID: doc23, PillarID: p23M2, GroupID: gDigital, Title: "デジタル人材の育成（後掲【リスキリング支援】参照）",
				Text:   "デジタル人材の育成（後掲【リスキリング支援】参照）",
				Status: policygraph.StatusUnknown, Source: src(f23, 48, 48, "・デジタル人材の育成（後掲【リスキリング支援】参照）")},
			{ID: m5, DocumentID: doc23, PillarID: p23OS1, GroupID: gReskill, Title: "リスキリング支援の拡充",
				Text: "リスキリング支援の拡充。独占禁止法の考え方を整理。", Status: policygraph.StatusFuture,
				Horizon: "３～５年後", StartYear: 2024, EndYear: 2028,
				Source: src(f23, 86, 87, "○ リスキリング支援の拡充。独占禁止法の考え方を整理。")},
			{ID: m6, DocumentID: doc23, PillarID: p23OS1, GroupID: gReskill, Title: "半導体・デジタル産業戦略の推進（再掲）",
				Text: "半導体・デジタル産業戦略の推進（再掲）", Status: policygraph.StatusFuture, Relist: true,
				Source: src(f23, 88, 88, "○ 半導体・デジタル産業戦略の推進（再掲）")},
			{ID: m7, DocumentID: doc25, PillarID: p25M1, GroupID: gETS, Title: "ＧＸ経済移行債による先行投資支援",
				Text:   "ＧＸ経済移行債による先行投資支援を実施。GX推進法に基づく排出量取引制度を2026年度から本格稼働。",
				Status: policygraph.StatusProgress, StartYear: 2026,
				Source: src(f25, 9, 10, "ＧＸ経済移行債による先行投資支援を実施。GX推進法に基づく排出量取引制度を2026年度から本格稼働。")},
			{ID: m8, DocumentID: doc25, PillarID: p25OS1, Title: "スタートアップへの資金供給の強化",
				Text: "スタートアップへの資金供給の強化。独占禁止法上の論点整理。", Status: policygraph.StatusTodo,
				StartYear: 2025, EndYear: 2027,
				Source: src(f25, 62, 63, "スタートアップへの資金供給の強化。独占禁止法上の論点整理。")},
		},
		Targets: []*policygraph.Target{
			{ID: t1, DocumentID: doc23, PillarID: p23M1, Kind: "LONG_TERM", Text: "2030年度に温室効果ガス46％削減（2013年度比）",
				Year: 2030, Value: 46, Unit: "％", Source: src(f23, 11, 11, "2030年度に温室効果ガス46％削減（2013年度比）")},
			{ID: t5, DocumentID: doc23, PillarID: p23M1, Kind: "LONG_TERM", Text: "今後10年間で100兆円超のＧＸ投資",
				Year: 2032, Value: 100, Unit: "兆円", Source: src(f23, 15, 15, "今後10年間で100兆円超のＧＸ投資")},
			{ID: t4, DocumentID: doc23, PillarID: p23OS1, Kind: "KEY_MESSAGE", Text: "人への投資を抜本強化",
				Source: src(f23, 81, 81, "人への投資を抜本強化")},
			{ID: t2, DocumentID: doc25, PillarID: p25M1, Kind: "INDICATOR", Text: "今後10年間で150兆円超のＧＸ投資",
				Year: 2033, Value: 150, Unit: "兆円", Source: src(f25, 6, 6, "今後10年間で150兆円超のＧＸ投資")},
			{ID: t3, DocumentID: doc25, PillarID: p25OS1, Kind: "MID_TERM", Text: "スタートアップへの投資額を10兆円規模に",
				Year: 2027, Value: 10, Unit: "兆円", Source: src(f25, 61, 61, "スタートアップへの投資額を10兆円規模に")},
		},
		Laws: []*policygraph.Law{
			{ID: lawGX, Name: "脱炭素成長型経済構造への円滑な移行の推進に関する法律", Aliases: []string{"GX推進法"}},
			{ID: lawAntiMon, Name: "私的独占の禁止及び公正取引の確保に関する法律", Aliases: []string{"独占禁止法", "独禁法"}},
			{ID: lawIRA, Name: "インフレ削減法", Aliases: []string{"IRA"}, Foreign: true},
			{ID: lawEcoSec, Name: "経済施策を一体的に講ずることによる安全保障の確保の推進に関する法律", Aliases: []string{"経済安全保障推進法"}},
		},
		Funds: []*policygraph.Fund{
			{ID: fundEcoSec, Name: "経済安全保障重要技術育成基金", Aliases: []string{"Kプログラム"}},
			{ID: fundGI, Name: "グリーンイノベーション基金", Aliases: []string{"GI基金"}},
		},
		Directions: []*policygraph.PolicyDirection{
			{ID: dir1, DocumentID: doc25, Ordinal: 1, Title: "国内投資の拡大とＧＸ・ＤＸの推進", Source: src(f25, 3, 3, "１．国内投資の拡大とＧＸ・ＤＸの推進")},
		},
		Amounts: []*policygraph.Amount{
			{ID: a1, DocumentID: doc25, Yen: 150_000_000_000_000, Surface: "150兆円", Qualifier: "超",
				Source: src(f25, 6, 6, "今後10年間で150兆円超のＧＸ投資")},
			{ID: a2, DocumentID: doc25, Yen: 10_000_000_000_000, Surface: "10兆円", Qualifier: "規模", Year: 2027,
				Source: src(f25, 61, 61, "スタートアップへの投資額を10兆円規模に")},
			{ID: a3, DocumentID: doc23, Yen: 2_000_000_000_000, Surface: "２兆円", StartYear: 2023, EndYear: 2032,
				Source: src(f23, 5, 5, "半導体に２兆円（2023-32年度）")},
		},
		Organisations: []*policygraph.Organisation{
			{ID: orgNEDO, Name: "新エネルギー・産業技術総合開発機構", Aliases: []string{"NEDO"}, Kind: policygraph.OrgAgency},
			{ID: orgJIC, Name: "産業革新投資機構", Aliases: []string{"JIC"}, Kind: policygraph.OrgAgency},
			{ID: orgOECD, Name: "経済協力開発機構", Aliases: []string{"OECD"}, Kind: policygraph.OrgInternational},
		},
	}
	// Pages and citations as the loader sets them; m4's page is unknown (0),
	// which a store must keep as absent, not invent.
	docs := map[string]*policygraph.Document{doc23: g.Documents[0], doc25: g.Documents[1]}
	cite := func(docID string, s *policygraph.Source, page int) {
		s.Page = page
		s.SetCitation(docs[docID])
	}
	for _, x := range g.Pillars {
		cite(x.DocumentID, &x.Source, x.LineStart/10+1)
	}
	for _, x := range g.Groups {
		cite(x.DocumentID, &x.Source, x.LineStart/10+1)
	}
	for _, x := range g.Measures {
		page := x.LineStart/10 + 1
		if x.ID == m4 {
			page = 0
		}
		cite(x.DocumentID, &x.Source, page)
	}
	for _, x := range g.Targets {
		cite(x.DocumentID, &x.Source, x.LineStart/10+1)
	}
	for _, x := range g.Directions {
		cite(x.DocumentID, &x.Source, x.LineStart/10+1)
	}
	for _, x := range g.Amounts {
		cite(x.DocumentID, &x.Source, x.LineStart/10+1)
	}
	rel := func(typ, start, end string, props map[string]any) {
		g.Relationships = append(g.Relationships, &policygraph.Relationship{
			ID: relID(typ, start, end), Type: typ, Start: start, End: end, Properties: props,
		})
	}
	for _, p := range []struct{ doc, id string }{{doc23, p23M1}, {doc23, p23M2}, {doc23, p23OS1}, {doc25, p25M1}, {doc25, p25OS1}} {
		rel(policygraph.RelHasPillar, p.doc, p.id, nil)
	}
	rel(policygraph.RelHasDirection, doc25, dir1, nil)
	rel(policygraph.RelHasGroup, p23M2, gDigital, nil)
	rel(policygraph.RelHasGroup, p23OS1, gReskill, nil)
	rel(policygraph.RelHasGroup, p25M1, gETS, nil)
	for _, m := range g.Measures {
		if m.GroupID != "" {
			rel(policygraph.RelInGroup, m.ID, m.GroupID, nil)
		}
		rel(policygraph.RelHasMeasure, m.PillarID, m.ID, nil)
	}
	rel(policygraph.RelHasMeasure, dir1, m7, nil)
	for _, t := range g.Targets {
		rel(policygraph.RelHasTarget, t.PillarID, t.ID, nil)
	}
	mention := func(surface string, line int) map[string]any {
		return map[string]any{"surface": surface, "line": line}
	}
	rel(policygraph.RelCitesLaw, m1, lawGX, mention("ＧＸ推進法", 12))
	rel(policygraph.RelCitesLaw, m5, lawAntiMon, mention("独占禁止法", 87))
	rel(policygraph.RelCitesLaw, m7, lawGX, mention("GX推進法", 10))
	rel(policygraph.RelCitesLaw, m8, lawAntiMon, mention("独占禁止法", 63))
	rel(policygraph.RelCitesLaw, p25M1, lawIRA, mention("インフレ削減法", 5))
	rel(policygraph.RelUsesFund, m1, fundGI, mention("グリーンイノベーション 基金", 13))
	rel(policygraph.RelUsesFund, t2, fundGI, mention("ＧＸ投資", 6))
	rel(policygraph.RelUsesFund, m3, fundEcoSec, mention("経済安全保障重要技術育成基金", 47))
	rel(policygraph.RelHasAmount, t2, a1, map[string]any{"line": 6})
	rel(policygraph.RelHasAmount, fundGI, a1, map[string]any{"line": 6})
	rel(policygraph.RelHasAmount, t3, a2, map[string]any{"line": 61})
	rel(policygraph.RelHasAmount, doc23, a3, map[string]any{"line": 5})
	rel(policygraph.RelMentionsOrg, m1, orgNEDO, mention("ＮＥＤＯ", 12))
	rel(policygraph.RelMentionsOrg, m7, orgNEDO, mention("NEDO", 9))
	rel(policygraph.RelMentionsOrg, t3, orgJIC, mention("JIC", 61))
	rel(policygraph.RelMentionsOrg, p25OS1, orgJIC, mention("ＪＩＣ", 60))
	rel(policygraph.RelMentionsOrg, doc25, orgOECD, mention("OECD", 300))
	rel(policygraph.RelRelists, m6, m3, nil)
	rel(policygraph.RelSummarizes, m2, m1, map[string]any{"rule": "restates", "score": 0.7})
	rel(policygraph.RelRevises, t2, t5, map[string]any{"fromValue": 100.0, "toValue": 150.0, "unit": "兆円", "score": 0.8})
	rel(policygraph.RelRefersTo, m4, gReskill, map[string]any{"via": "後掲"})
	rel(policygraph.RelContinues, p25M1, p23M1, nil)
	rel(policygraph.RelEvolvesFrom, m7, m1, map[string]any{"score": 0.82})
	return g
}

// relID is the loader's relationship id: TYPE:start->end.
func relID(typ, start, end string) string { return typ + ":" + start + "->" + end }
