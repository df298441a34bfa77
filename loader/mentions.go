package loader

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/nfkc"
	"golang.org/x/text/unicode/norm"
)

// docIndex is a document in matching form (normalize: NFKC, no whitespace)
// as one string, with a map from every byte of it back to the raw line and
// rune it came from. Mentions are found in a node's normalised text and then
// located here, so a name broken over two lines (GI基 / 金) still gets the
// line where it starts and its verbatim surface.
type docIndex struct {
	t     *docText
	s     string
	chunk []int32 // chunk[k] is the byte offset in s where raw rune k's output starts
	line  []int32 // 0-based raw line of chunk k
	off   []int32 // byte offset of raw rune k in its line
	size  []int8  // byte length of raw rune k
	lineS []int   // lineS[i] is the offset in s where line i starts

	norms map[string]string // normalize's results: the passes read the same node texts
}

// normalize is normalize(s), computed once per text for all the passes
// (laws and funds, organisations, amounts) that read the same node texts.
func (x *docIndex) normalize(s string) string {
	if n, ok := x.norms[s]; ok {
		return n
	}
	if x.norms == nil {
		x.norms = map[string]string{}
	}
	n := normalize(s)
	x.norms[s] = n
	return n
}

func newDocIndex(t *docText) *docIndex {
	x := &docIndex{t: t, lineS: make([]int, len(t.Raw)+1)}
	size, runes := 0, 0
	for _, l := range t.Raw {
		size += len(l)
		runes += utf8.RuneCountInString(l)
	}
	// At most one entry per raw rune; NFKC output is rarely longer than
	// its input, so b seldom grows.
	x.chunk = make([]int32, 0, runes)
	x.line = make([]int32, 0, runes)
	x.off = make([]int32, 0, runes)
	x.size = make([]int8, 0, runes)
	var b strings.Builder // its String does not copy
	b.Grow(size)
	var out []byte
	for li, l := range t.Raw {
		x.lineS[li] = b.Len()
		for off, r := range l {
			start := b.Len()
			if m, ok := nfkc.Rune(r); ok {
				if m != ' ' && m != '\t' && m != '\r' && m != '\n' {
					b.WriteRune(m)
				}
			} else {
				out = norm.NFKC.AppendString(out[:0], string(r))
				for _, c := range string(out) {
					switch c {
					case ' ', '\t', '\n', '\r', '\u3000':
						continue
					}
					b.WriteRune(c)
				}
			}
			if b.Len() > start {
				x.chunk = append(x.chunk, int32(start))
				x.line = append(x.line, int32(li))
				x.off = append(x.off, int32(off))
				x.size = append(x.size, int8(utf8.RuneLen(r)))
			}
		}
	}
	x.lineS[len(t.Raw)] = b.Len()
	x.s = b.String()
	return x
}

// chunkAt returns the raw rune whose output covers byte p of s.
func (x *docIndex) chunkAt(p int) int {
	return sort.Search(len(x.chunk), func(k int) bool { return int(x.chunk[k]) > p }) - 1
}

// lineOf returns the 1-based line of byte p of s.
func (x *docIndex) lineOf(p int) int {
	if k := x.chunkAt(p); k >= 0 {
		return int(x.line[k]) + 1
	}
	return 1
}

// locate finds the occurrence of normalised text pat that belongs to a node
// spanning lines [from, to] (1-based): the first occurrence inside the span,
// else the one closest to it (a pillar's goal may sit outside its heading
// lines). It returns the 1-based line of its start and the verbatim surface.
func (x *docIndex) locate(pat string, from, to int) (line int, surface string, ok bool) {
	if pat == "" {
		return 0, "", false
	}
	from = max(1, min(from, len(x.t.Raw)))
	to = max(from, min(to, len(x.t.Raw)))
	lo := x.lineS[from-1]
	hi := x.lineS[to]
	if i := strings.Index(x.s[lo:], pat); i >= 0 && lo+i < hi {
		p := lo + i
		return x.lineOf(p), x.surface(p, p+len(pat)), true
	}
	best, bestDist := -1, -1
	for i := 0; ; {
		j := strings.Index(x.s[i:], pat)
		if j < 0 {
			break
		}
		p := i + j
		l := x.lineOf(p)
		d := from - l
		if l > to {
			d = l - to
		}
		if best < 0 || d < bestDist {
			best, bestDist = p, d
		}
		i = p + len(pat)
	}
	if best < 0 {
		return 0, "", false
	}
	return x.lineOf(best), x.surface(best, best+len(pat)), true
}

// locateNth is locate for the nth (0-based) occurrence of pat inside the
// lines [from, to]; locate's answer when there are not that many.
func (x *docIndex) locateNth(pat string, from, to, nth int) (line int, surface string, ok bool) {
	if pat != "" && nth > 0 {
		from = max(1, min(from, len(x.t.Raw)))
		to = max(from, min(to, len(x.t.Raw)))
		lo, hi := x.lineS[from-1], x.lineS[to]
		for p := lo; ; {
			i := strings.Index(x.s[p:hi], pat)
			if i < 0 {
				break
			}
			if nth == 0 {
				return x.lineOf(p + i), x.surface(p+i, p+i+len(pat)), true
			}
			nth--
			p += i + len(pat)
		}
	}
	return x.locate(pat, from, to)
}

// surface returns the raw text that s[start:end] came from, verbatim within
// each line; pieces on several lines are joined without the line break.
func (x *docIndex) surface(start, end int) string {
	a, b := x.chunkAt(start), x.chunkAt(end-1)
	if a < 0 || b < 0 {
		return x.s[start:end]
	}
	la, lb := int(x.line[a]), int(x.line[b])
	oa, ob := int(x.off[a]), int(x.off[b])+int(x.size[b])
	if la == lb {
		return x.t.Raw[la][oa:ob]
	}
	var sb strings.Builder
	sb.WriteString(strings.TrimRight(x.t.Raw[la][oa:], " \t\u3000"))
	for l := la + 1; l < lb; l++ {
		sb.WriteString(strings.TrimSpace(x.t.Raw[l]))
	}
	sb.WriteString(strings.TrimLeft(x.t.Raw[lb][:ob], " \t\u3000"))
	return sb.String()
}

// mentionSource is one node whose text is scanned for laws and funds.
type mentionSource struct {
	id       string
	text     string
	from, to int
	funds    bool // Pillar goals cite laws only (USES_FUND is Measure/Target → Fund)
	// fundsOnly: the Document's share of a pillar's prose, the funds it
	// names (the pillar cites the laws and organisations).
	fundsOnly bool
}

// mentionResult is what the mention pass adds to the graph.
type mentionResult struct {
	laws  map[string]*policygraph.Law
	funds map[string]*policygraph.Fund
	rels  []*policygraph.Relationship
	count int // mentions seen, before keeping the first per (node, entity)
}

// findMentions runs the alias matcher over the measures, targets and pillar
// goals of one parsed document and adds CITES_LAW / USES_FUND with the
// verbatim surface and the 1-based line of the first mention per
// (node, law/fund).
func findMentions(m *matcher, x *docIndex, pd *parsedDoc, res *mentionResult) {
	srcs := mentionSources(x, pd)
	docSeen := map[string]bool{}
	for _, src := range srcs {
		seen := map[string]bool{}
		if pd.Doc != nil && src.id == pd.Doc.ID {
			seen = docSeen // one relationship per (document, law) across paragraphs
		}
		for _, mt := range m.find(x.normalize(src.text)) {
			if mt.p.kind == kindFund && !src.funds || mt.p.kind != kindFund && src.fundsOnly {
				continue
			}
			res.count++
			end := m.nodeID(mt.p)
			if seen[end] {
				continue // one relationship per (node, law): the first mention
			}
			seen[end] = true
			line, surface, ok := x.locate(mt.p.text, src.from, src.to)
			if !ok {
				line, surface = src.from, mt.p.text
			}
			e := m.entry(mt.p)
			typ := policygraph.RelCitesLaw
			if mt.p.kind == kindLaw {
				if res.laws[end] == nil {
					res.laws[end] = &policygraph.Law{ID: end, Name: e.Name, Aliases: aliasList(e), Foreign: e.Foreign}
				}
			} else {
				typ = policygraph.RelUsesFund
				if res.funds[end] == nil {
					res.funds[end] = &policygraph.Fund{ID: end, Name: e.Name, Aliases: aliasList(e)}
				}
			}
			res.rels = append(res.rels, &policygraph.Relationship{
				ID: relID(typ, src.id, end), Type: typ, Start: src.id, End: end,
				Properties: map[string]any{"surface": surface, "line": line},
			})
		}
	}
}

// mentionSources are the texts scanned for names: pillar goals, measures,
// targets and the document's prose.
func mentionSources(x *docIndex, pd *parsedDoc) []mentionSource {
	var srcs []mentionSource
	for _, p := range pd.Pillars {
		if p.LongTermGoal != "" {
			srcs = append(srcs, mentionSource{p.ID, p.LongTermGoal, p.LineStart, p.LineEnd, false, false})
		}
	}
	for _, ms := range pd.Measures {
		srcs = append(srcs, mentionSource{ms.ID, ms.Text, ms.LineStart, ms.LineEnd, true, false})
	}
	for _, t := range pd.Targets {
		srcs = append(srcs, mentionSource{t.ID, t.Text, t.LineStart, t.LineEnd, true, false})
	}
	// Prose that belongs to no node (key messages, 考え方 pages, the 2025
	// scenario pages) still names laws and funds — the only mentions of the
	// foreign statutes (CHIPS法, インフレ削減法) are there. They are cited by
	// the Document, so no mention is dropped and no node is invented.
	if pd.Doc != nil {
		srcs = append(srcs, proseSources(x.t, pd)...)
	}
	return srcs
}

// orgResult is what the organisation pass adds to the graph.
type orgResult struct {
	orgs  map[string]*policygraph.Organisation
	rels  []*policygraph.Relationship
	count int // mentions seen, before keeping the first per (node, organisation)
}

// findOrgMentions adds MENTIONS_ORG from the same texts as the law and fund
// mentions (pillar goals included), with the verbatim surface and the line
// of the first mention per (node, organisation).
func findOrgMentions(m *matcher, x *docIndex, pd *parsedDoc, res *orgResult) {
	docSeen := map[string]bool{}
	for _, src := range mentionSources(x, pd) {
		if src.fundsOnly {
			continue
		}
		seen := map[string]bool{}
		if pd.Doc != nil && src.id == pd.Doc.ID {
			seen = docSeen
		}
		n := x.normalize(src.text)
		for _, mt := range m.findOrgs(n) {
			res.count++
			o := m.org(mt.p)
			if seen[o.ID] {
				continue
			}
			seen[o.ID] = true
			// The occurrence matched, not the first: an earlier one may be
			// inside a Not word (有志国連携 before 国連機関).
			line, surface, ok := x.locateNth(mt.p.text, src.from, src.to, strings.Count(n[:mt.Start], mt.p.text))
			if !ok {
				line, surface = src.from, mt.p.text
			}
			if res.orgs[o.ID] == nil {
				res.orgs[o.ID] = o
			}
			res.rels = append(res.rels, &policygraph.Relationship{
				ID: relID(policygraph.RelMentionsOrg, src.id, o.ID), Type: policygraph.RelMentionsOrg,
				Start: src.id, End: o.ID,
				Properties: map[string]any{"surface": surface, "line": line},
			})
		}
	}
}

// proseSources returns the runs of consecutive "skipped:" lines of a
// document (blank lines do not break a run), each as a mention source of the
// Document node, so that a name broken across two prose lines is found. A
// run on a pillar's page (ProseOwner) is the pillar's for laws and
// organisations, the Document's for funds (USES_FUND starts at a measure or
// target, or the Document for prose).
func proseSources(t *docText, pd *parsedDoc) []mentionSource {
	var out []mentionSource
	var b strings.Builder
	from, to, owner := 0, 0, ""
	flush := func() {
		switch {
		case from == 0:
		case owner != "":
			out = append(out, mentionSource{owner, b.String(), from, to, false, false},
				mentionSource{pd.Doc.ID, b.String(), from, to, true, true})
		default:
			out = append(out, mentionSource{pd.Doc.ID, b.String(), from, to, true, false})
		}
		b.Reset()
		from, to = 0, 0
	}
	for i, l := range t.Norm {
		n := i + 1
		switch {
		case l == "":
			continue
		case strings.HasPrefix(pd.Placed[n], "skipped:"):
			if o := pd.ProseOwner[n]; from > 0 && o != owner {
				flush()
			}
			if from == 0 {
				from, owner = n, pd.ProseOwner[n]
			}
			to = n
			b.WriteString(l)
		default:
			flush()
		}
	}
	flush()
	return out
}

// aliasList is the entry's aliases without ones equal to the name, never nil
// (an empty list, so every store sees the same shape).
func aliasList(e aliasEntry) []string {
	out := []string{}
	for _, a := range e.Aliases {
		if a != e.Name {
			out = append(out, a)
		}
	}
	return out
}
