package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

// Kinds of line a grammar might give, for TestKeyMessages.
const (
	kmBlank itemKind = iota
	kmTitle
	kmItem
	kmWrap
	kmEnd
	kmProse
)

// keyRead is what TestKeyMessages reads of a block.
type keyRead struct {
	read    []int               // the lines read
	placed  []string            // what each line went into: a pillar or target key, a placement, "" none
	targets []string            // the targets: kind, pillar, lines, text
	words   []string            // the goals kept for addWordGoals: pillar, lines, text
	aliases map[string][]string // by pillar key
}

// TestKeyMessages reads a key-message block made of the 2023 seed's lines
// (names 168–170, the second a remark here; titles 231, 257 and 156;
// goals 233–240 and 259, the ＤＸ one shortened), as the layout tells the
// goals' titles, and with the wrapped text and the titles told otherwise.
func TestKeyMessages(t *testing.T) {
	type line struct {
		kind itemKind
		text string
	}
	block := []line{
		{kmItem, " 炭素中立型社会の実現"}, // 1: an item of the names list the test opens
		{kmItem, " （再掲）"},       // a remark, no name: the pillar's turn all the same
		{kmItem, " 経済安全保障の実現"},
		{kmTitle, "＜各ミッションで長期的に創出される需要の例＞"},
		{kmItem, " ＧＸ：今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。"}, // 5
		{kmItem, " ＤＸ：2030年までに国内で半導体を生産す"},
		{kmWrap, "る企業の合計売上高（半導体関連）15兆円超を目指す。"},
		{kmItem, " 経済安全保障：自律性向上、優位性・不可欠性確保、国際秩序維持"},
		{kmItem, " 健康：2050年に公的保険外サービス77兆円"}, // no 4th mission here
		{kmEnd, "⚫ こうした変化の中で、"},             // 10
		{kmItem, " 人材"},
		{kmTitle, "＜各分野の目標の例＞"},
		{kmItem, " 人材：物価上昇を超える賃上げの持続的な実現"},
		{kmTitle, "＜14テーマの再構成＞"},
		{kmItem, " スタートアップ"}, // 15
	}
	const gx, dx = "今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。", "2030年までに国内で半導体を生産す"
	const dxWrapped = dx + "る企業の合計売上高（半導体関連）15兆円超を目指す。"
	names := []string{"炭素中立型社会の実現", "経済安全保障の実現"}
	layout := keyMessageKinds{title: kmTitle, item: kmItem, wrap: kmWrap, end: kmEnd, goalsKind: interim2023.keyGoalsKind}
	noWrap := layout
	noWrap.wrap = kmProse
	allOS := layout
	allOS.goalsKind = func(string) string { return policygraph.KindOS }
	for _, c := range []struct {
		name  string
		kinds keyMessageKinds
		want  keyRead
	}{
		{"the layout's kinds", layout, keyRead{
			read:    []int{1, 3, 4, 5, 6, 8, 9, 12, 13, 14},
			placed:  []string{"MISSION-1", "", "MISSION-3", "skipped:key-message-title", "MISSION-1", "MISSION-2", "MISSION-2", "", "skipped:key-message", "", "", "skipped:key-message-title", "", "skipped:key-message-title", ""},
			targets: []string{"KEY_MESSAGE MISSION-1 5-5 " + gx, "KEY_MESSAGE MISSION-2 6-7 " + dxWrapped},
			words:   []string{"MISSION-3 8-8 自律性向上、優位性・不可欠性確保、国際秩序維持", "OS-1 13-13 物価上昇を超える賃上げの持続的な実現"},
			aliases: map[string][]string{"MISSION-1": {names[0], "ＧＸ"}, "MISSION-2": {"ＤＸ"}, "MISSION-3": {names[1], "経済安全保障"}, "OS-1": {"人材"}},
		}},
		{"the wrapped line told prose", noWrap, keyRead{
			read:    []int{1, 3, 4, 5, 6, 8, 9, 12, 13, 14},
			placed:  []string{"MISSION-1", "", "MISSION-3", "skipped:key-message-title", "MISSION-1", "", "", "", "skipped:key-message", "", "", "skipped:key-message-title", "", "skipped:key-message-title", ""},
			targets: []string{"KEY_MESSAGE MISSION-1 5-5 " + gx},
			words:   []string{"MISSION-2 6-6 " + dx, "MISSION-3 8-8 自律性向上、優位性・不可欠性確保、国際秩序維持", "OS-1 13-13 物価上昇を超える賃上げの持続的な実現"},
			aliases: map[string][]string{"MISSION-1": {names[0], "ＧＸ"}, "MISSION-2": {"ＤＸ"}, "MISSION-3": {names[1], "経済安全保障"}, "OS-1": {"人材"}},
		}},
		{"every title told a list of OS goals", allOS, keyRead{
			read:    []int{1, 3, 4, 5, 6, 8, 9, 12, 13, 14, 15},
			placed:  []string{"MISSION-1", "", "MISSION-3", "skipped:key-message-title", "OS-1", "skipped:key-message", "", "skipped:key-message", "skipped:key-message", "", "", "skipped:key-message-title", "", "skipped:key-message-title", "OS-1"},
			targets: []string{"KEY_MESSAGE OS-1 5-5 " + gx},
			words:   []string{"OS-1 13-13 物価上昇を超える賃上げの持続的な実現"},
			aliases: map[string][]string{"MISSION-1": {names[0]}, "MISSION-3": {names[1]}, "OS-1": {"ＧＸ", "人材", "スタートアップ"}},
		}},
	} {
		raw := make([]string, len(block))
		for j, l := range block {
			raw[j] = l.text
		}
		dt, err := newDocTextString("keys.txt", 2023, "doc:2023", strings.Join(raw, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		b := newDocBuilder(dt)
		for j, l := range block {
			b.lines[j].kind = l.kind
		}
		pn := newPillarNames()
		key := map[string]string{} // by id
		for _, k := range []string{"MISSION-1", "MISSION-2", "MISSION-3", "OS-1"} {
			pn.pillars[k] = &policygraph.Pillar{ID: pillarID(2023, k), Key: k}
			key[pillarID(2023, k)] = k
		}
		var r keyMessages
		r.names.open(policygraph.KindMission)
		got := keyRead{aliases: pn.aliases}
		for j := range block {
			if r.read(&b, &pn, j, &c.kinds) {
				got.read = append(got.read, j+1)
			}
		}
		for _, tg := range b.pd.Targets {
			if b.pd.Placed.at(tg.LineStart) == tg.ID { // not the goals goalTargets reads in its text
				k := key[tg.PillarID]
				key[tg.ID] = k
				got.targets = append(got.targets, fmt.Sprintf("%s %s %d-%d %s", tg.Kind, k, tg.LineStart, tg.LineEnd, tg.Text))
			}
		}
		for line := 1; line <= len(block); line++ {
			id := b.pd.Placed.at(line)
			if k := key[id]; k != "" {
				id = k
			}
			got.placed = append(got.placed, id)
		}
		for _, g := range r.wordGoals {
			got.words = append(got.words, fmt.Sprintf("%s %d-%d %s", g.pillar.Key, g.from, g.to, g.text))
		}
		if d := cmp.Diff(c.want, got, cmp.AllowUnexported(keyRead{})); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, d)
		}
	}
}
