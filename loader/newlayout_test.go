package loader

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// A new layout is a grammar over the shared lexer and readers. This one
// reads a briefing deck: ミッション①：… headings over ⚫/○ bullets whose
// text wraps onto the next lines, and page numbers. Everything else — ids,
// provenance, titles, years, the 再掲 link, the laws, funds and
// organisations named, amounts, the report, CONTINUES and EVOLVES_FROM to
// the edition before — is the shared pipeline's, which
// TestNewLayoutGrammar checks.

var briefingHeading = regexp.MustCompile(`^ミッション([1-9]):(.+)$`) // flat form: NFKC turns ① into 1

func parseBriefing(t *docText) (*parsedDoc, error) {
	b := newDocBuilder(t)
	b.pd.Doc = &policygraph.Document{ID: t.DocID, Year: t.Year, File: t.File, Lines: t.lineCount()}
	var pl *policygraph.Pillar
	for i := 0; i < len(b.lines); i++ {
		l, line := &b.lines[i], i+1
		switch m := briefingHeading.FindStringSubmatch(l.flat); {
		case l.shape == shapeBlank:
		case m != nil:
			key := "MISSION-" + m[1]
			pl = &policygraph.Pillar{ID: pillarID(t.Year, key), DocumentID: t.DocID, Key: key, Kind: policygraph.KindMission,
				Ordinal: int(m[1][0] - '0'), Name: m[2], Aliases: []string{}, Source: b.source(line, line)}
			b.pd.Pillars = append(b.pd.Pillars, pl)
			b.rel(policygraph.RelHasPillar, t.DocID, pl.ID)
			b.place(line, pl.ID)
		case pageNumberAt(t, b.lines, i):
			b.place(line, "furniture:page-number")
		case pl != nil && l.shape == shapeBullet:
			status := policygraph.StatusFuture
			if l.bullet() == '⚫' || l.bullet() == '●' {
				status = policygraph.StatusPast
			}
			w := readWrapped(t, len(b.lines), i, l.body(t.raw(i)), false, func(j int) wrapRole {
				switch b.lines[j].shape {
				case shapeBlank:
					return wrapBlank
				case shapeText:
					return wrapText
				}
				return wrapStop
			})
			m := b.newMeasure(b.ids.unique(t.itemID("measure", pl.Key, w.text)), w.text, status, w.from, w.to)
			m.PillarID = pl.ID
			b.addMeasure(pl.ID, m)
			b.placeRange(w.from, w.to, m.ID)
			i = w.last
		default:
			b.place(line, "skipped:outside-pillars")
		}
	}
	return b.pd, nil
}

const briefingDeck = `経済産業政策新機軸部会 第5次中間整理（概要）

ミッション①：炭素中立型社会の実現

⚫ GX推進法に基づき、2023年度からGX経済移行債を発行し、20兆円規模の先行投資支援を実施

○ カーボンプライシングとして排出量取引制度（2026年度から）と化石燃料賦課金を
段階的に導入

3

ミッション②：デジタル社会の実現

○ 半導体の国内生産基盤の整備（ポスト５Ｇ基金の活用）、NEDOを通じた支援

○ 排出量取引制度（2026年度から）と化石燃料賦課金の段階的導入（再掲）

4
`

// TestNewLayoutGrammar loads the 2025 edition and a 2027 briefing of a new
// layout, read by parseBriefing alone: the shared pipeline does the rest.
func TestNewLayoutGrammar(t *testing.T) {
	layouts["test-briefing"] = &layout{parse: parseBriefing}
	defer delete(layouts, "test-briefing")
	const file = "002_briefing.txt"
	fsys := entriesFS(t, []seed.Entry{
		{File: file2025, ID: "doc:2025", Edition: "第4次中間整理", Year: 2025},
		{File: file, ID: "doc:2027", Edition: "第5次中間整理", Year: 2027, Layout: "test-briefing"},
	}, fstest.MapFS{file2025: {Data: seedBytes(t, file2025)}, file: {Data: []byte(briefingDeck)}})
	g, rep, err := LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range g.Measures {
		if m.DocumentID == "doc:2027" {
			got = append(got, fmt.Sprintf("%s %s %d-%d %s %d-%d", m.PillarID, m.Status, m.LineStart, m.LineEnd, m.Title, m.StartYear, m.EndYear))
		}
	}
	want := []string{
		"pillar:2027:MISSION-1 PAST 5-5 GX推進法に基づき、2023年度からGX経済移行債を発行し、20兆円規模の先行投資支援を実施 2023-0",
		"pillar:2027:MISSION-1 FUTURE 7-8 カーボンプライシングとして排出量取引制度（2026年度から）と化石燃料賦課金を段階的に導入 2026-0",
		"pillar:2027:MISSION-2 FUTURE 14-14 半導体の国内生産基盤の整備（ポスト５Ｇ基金の活用）、NEDOを通じた支援 0-0",
		"pillar:2027:MISSION-2 FUTURE 16-16 排出量取引制度（2026年度から）と化石燃料賦課金の段階的導入 2026-0", // the title without the 再掲 mark,
	}
	if !slices.Equal(got, want) {
		t.Errorf("measures:\n got %q\nwant %q", got, want)
	}
	// The shared passes read the new document's nodes as any other's:
	// by the first line of the start and the type, what each 2027 node links to.
	line := map[string]int{}
	for _, m := range g.Measures {
		line[m.ID] = m.LineStart
	}
	for _, pl := range g.Pillars {
		line[pl.ID] = pl.LineStart
	}
	rels := map[string]bool{}
	for _, r := range g.Relationships {
		if strings.Contains(r.Start, ":2027:") && r.Type != policygraph.RelHasMeasure {
			end := r.End
			if strings.HasPrefix(end, "measure:2027:") {
				end = fmt.Sprint("2027:", line[end]) // ids are hashes: the line says which
			}
			rels[fmt.Sprint(line[r.Start], " ", r.Type, " ", end)] = true
		}
	}
	for _, w := range []string{
		"5 CITES_LAW law:GX推進法", "5 HAS_AMOUNT amount:2027:5:1", // 20兆円規模
		"14 USES_FUND fund:ポスト5G基金", "14 MENTIONS_ORG org:NEDO",
		"16 RELISTS 2027:7", // the 再掲 to its original
		"7 EVOLVES_FROM measure:2025:MISSION-1:848ff695",                          // 2025:1187, word for word but the year
		"3 CONTINUES pillar:2025:MISSION-1", "12 CONTINUES pillar:2025:MISSION-2", // ＧＸ, ＤＸ
	} {
		if !rels[w] {
			t.Errorf("no %s from a 2027 node; got %v", w, rels)
		}
	}
	for _, d := range rep.Documents {
		if d.Year != 2027 {
			continue
		}
		if d.Layout != "test-briefing" || len(d.Unplaced) != 0 || d.Furniture["page-number"] != 2 || d.Skipped["outside-pillars"] != 1 {
			t.Errorf("report: layout %q, unplaced %v, furniture %v, skipped %v", d.Layout, d.Unplaced, d.Furniture, d.Skipped)
		}
	}
}
