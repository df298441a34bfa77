package loader

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
)

var zzTok = regexp.MustCompile(`[A-Za-z][A-Za-z0-9\-]{2,}|「[^」]{2,}」`)

func TestZZDebugNames(t *testing.T) {
	later, earlier, in := benchEvolveInputs(t)
	ev := newEvolveScorer(later, earlier, in)
	rels := linkEvolves(later, earlier, in)
	linked := map[string]bool{}
	for _, r := range rels {
		if r.Type == policygraph.RelEvolvesFrom {
			linked[r.Start] = true
		}
	}
	toks := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, x := range zzTok.FindAllString(normalize(s), -1) {
			out[strings.ToUpper(x)] = true
		}
		return out
	}
	et := make([]map[string]bool, len(ev.earlier))
	df := map[string]int{}
	for j, e := range ev.earlier {
		if ev.twin[j] >= 0 {
			continue
		}
		et[j] = toks(e.m.Text)
		for k := range et[j] {
			df[k]++
		}
	}
	read := map[string]evolvesReading{}
	byLine := map[int]evolvesReading{}
	for _, r := range readEvolvesReading(t) {
		read[r.id] = r
		byLine[r.line] = r
	}
	for i, a := range ev.later {
		if linked[a.m.ID] {
			continue
		}
		lt := toks(a.m.Text)
		r, isRead := read[a.m.ID]
		if !isRead {
			r, isRead = byLine[a.m.LineStart]
		}
		for j := range ev.earlier {
			for k := range et[j] {
				if lt[k] && df[k] <= 2 {
					verdict := "?"
					if isRead {
						verdict = "WRONG"
						for _, l := range r.earlier {
							if l == ev.earlier[j].m.LineStart {
								verdict = "right"
							}
						}
					}
					fmt.Printf("%s %d %s -> %d %s df=%d dot=%.3f | %.40s | %.40s\n", verdict, a.m.LineStart, a.m.PillarID, ev.earlier[j].m.LineStart, k, df[k], ev.dots[i][j], a.m.Text, ev.earlier[j].m.Text)
				}
			}
		}
	}
}
