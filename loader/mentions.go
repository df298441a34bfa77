package loader

import (
	"iter"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/nfkc"
	"golang.org/x/text/unicode/norm"
)

// docIndex is a document in matching form (normalize: NFKC, no whitespace)
// as one string, with where each line starts in it. Mentions are found in a
// node's normalised text and then located here, so a name broken over two
// lines (GI基 / 金) still gets the line where it starts and its verbatim
// surface; the raw rune a byte of s came from is found by mapping that line
// again (rawRuneAt), which few bytes need.
type docIndex struct {
	t     *docText
	s     string
	lineS []int32 // lineS[i] is the offset in s where line i starts (lineStart); s is below maxDocBytes

	prose   []mentionSource // proseSources(x, proseOf), once per document
	proseOf *parsedDoc

	norm map[string]string // normalize's results the document's memo lacks
}

// paragraphStart is the offset in s of the paragraph holding line
// (1-based), the run of non-blank lines it ends, or of line floor if the
// paragraph starts before it: a caller reading back only as far as floor
// walks each line once however many amounts a paragraph holds.
func (x *docIndex) paragraphStart(line, floor int) int {
	for line > max(floor, 1) && x.t.norm(line-2) != "" {
		line--
	}
	return int(x.lineS[line-1])
}

// normalize is normalize(s), remembered: the passes (laws and funds,
// organisations, amounts) read the same node texts, most of which the
// grammar normalised before (the document's memo, read-only by now).
func (x *docIndex) normalize(s string) string {
	if n, ok := x.t.memo.lookup(s); ok {
		return n
	}
	if n, ok := x.norm[s]; ok {
		return n
	}
	if x.norm == nil {
		x.norm = map[string]string{}
	}
	n := normalize(s)
	x.norm[s] = n
	return n
}

func newDocIndex(t *docText) *docIndex {
	x := &docIndex{t: t, lineS: make([]int32, t.lineCount()+1)}
	size := 0
	for _, l := range t.rawLines() {
		size += len(l)
	}
	var b strings.Builder // its String does not copy
	b.Grow(size)          // NFKC output is rarely longer than its input
	var buf [64]byte
	// The runes nfkc.Rune leaves to norm, which allocates on every call:
	// a few dozen, hundreds of times (0.09 MB a load).
	unclaimed := map[rune]string{}
	for li, l := range t.rawLines() {
		x.lineS[li] = int32(b.Len())
		if t.normKept(li) { // every rune stays (the most lines)
			if hasSpaceByte(l) {
				appendDropSpaces(&b, l)
			} else {
				b.WriteString(l) // searched for spaces many bytes at a time: most have none
			}
			continue
		}
		// appendIndexed rune by rune, with runs of runes that stay as they
		// are (most of the text) copied whole.
		run := 0 // l[run:i] stays
		for i := 0; ; {
			if i += nfkc.StableSpan(l[i:], &spaceBytes); i == len(l) {
				break
			}
			if c := l[i]; c < utf8.RuneSelf { // a space, dropped
				b.WriteString(l[run:i])
				i++
				run = i
				continue
			}
			r, n := nfkc.DecodeRune(l, i) // a rune that changes
			b.WriteString(l[run:i])
			if _, ok := nfkc.Rune(r); ok {
				b.Write(appendIndexed(buf[:0], r))
			} else {
				out, seen := unclaimed[r]
				if !seen {
					out = string(appendIndexed(buf[:0], r))
					unclaimed[r] = out
				}
				b.WriteString(out)
			}
			i += n
			run = i
		}
		b.WriteString(l[run:])
	}
	x.lineS[t.lineCount()] = int32(b.Len())
	x.s = b.String()
	return x
}

// appendIndexed appends what raw rune r becomes in docIndex.s: its NFKC
// form without whitespace.
func appendIndexed(b []byte, r rune) []byte {
	if m, ok := nfkc.Rune(r); ok {
		if m != ' ' && m != '\t' && m != '\r' && m != '\n' {
			b = utf8.AppendRune(b, m)
		}
		return b
	}
	var buf [4]byte
	var out [32]byte
	for _, c := range string(norm.NFKC.Append(out[:0], buf[:utf8.EncodeRune(buf[:], r)]...)) {
		switch c {
		case ' ', '\t', '\n', '\r', '\u3000':
			continue
		}
		b = utf8.AppendRune(b, c)
	}
	return b
}

// lineAt returns the 0-based line whose output holds byte p of s (the last
// byte for p past the end), -1 if s is empty or p negative.
func (x *docIndex) lineAt(p int) int {
	if p < 0 || len(x.s) == 0 {
		return -1
	}
	p = min(p, len(x.s)-1)
	return sort.Search(x.t.lineCount(), func(i int) bool { return x.lineStart(i+1) > p })
}

// lineStart is the offset in s where line i (0-based) starts; i may be
// the number of lines, for the end of s.
func (x *docIndex) lineStart(i int) int { return int(x.lineS[i]) }

// rawRuneAt returns the raw rune whose output holds byte p of s: its 0-based
// line, its byte offset there and its length; ok false if there is none.
func (x *docIndex) rawRuneAt(p int) (line, off, size int, ok bool) {
	var c runeCursor
	return x.rawRuneFrom(&c, p)
}

// runeCursor is where rawRuneFrom last found a rune: its line, its offset
// in the raw line and in s. A caller asking for increasing offsets (the
// amounts of a document, in text order) passes the same cursor, and each
// line is walked once instead of from its start for every rune asked (a
// line of thousands of amounts was quadratic).
type runeCursor struct {
	line, off, pos int
	set            bool
}

// rawRuneFrom is rawRuneAt, resuming at c when p is on c's line at or
// after it, and leaving c at the rune found.
func (x *docIndex) rawRuneFrom(c *runeCursor, p int) (line, off, size int, ok bool) {
	li := x.lineAt(p)
	if li < 0 {
		return 0, 0, 0, false
	}
	p = min(p, len(x.s)-1)
	raw := x.t.raw(li)
	off, pos := 0, x.lineStart(li)
	if c.set && c.line == li && c.pos <= p {
		off, pos = c.off, c.pos
	}
	var buf [64]byte
	for off < len(raw) {
		r, size := utf8.DecodeRuneInString(raw[off:])
		n := len(appendIndexed(buf[:0], r))
		if n > 0 && p < pos+n {
			*c = runeCursor{line: li, off: off, pos: pos, set: true}
			return li, off, size, true
		}
		pos += n
		off += size
	}
	return 0, 0, 0, false // not reached: line li's output holds p
}

// lineOf returns the 1-based line of byte p of s.
func (x *docIndex) lineOf(p int) int {
	if li := x.lineAt(p); li >= 0 {
		return li + 1
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
	from = max(1, min(from, x.t.lineCount()))
	to = max(from, min(to, x.t.lineCount()))
	lo := x.lineStart(from - 1)
	hi := x.lineStart(to)
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
		from = max(1, min(from, x.t.lineCount()))
		to = max(from, min(to, x.t.lineCount()))
		lo, hi := x.lineStart(from-1), x.lineStart(to)
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
	var c runeCursor
	return x.surfaceFrom(&c, start, end)
}

// surfaceFrom is surface with a cursor for rawRuneFrom, for a caller
// asking in text order.
func (x *docIndex) surfaceFrom(c *runeCursor, start, end int) string {
	la, oa, _, okA := x.rawRuneFrom(c, start)
	lb, ob, nb, okB := x.rawRuneFrom(c, end-1)
	if !okA || !okB {
		return x.s[start:end]
	}
	ob += nb
	if la == lb {
		return x.t.raw(la)[oa:ob]
	}
	var sb strings.Builder
	sb.WriteString(strings.TrimRight(x.t.raw(la)[oa:], " \t\u3000"))
	for l := la + 1; l < lb; l++ {
		sb.WriteString(strings.TrimSpace(x.t.raw(l)))
	}
	sb.WriteString(strings.TrimLeft(x.t.raw(lb)[:ob], " \t\u3000"))
	return sb.String()
}

// mentionSource is one node whose text is scanned for laws and funds.
type mentionSource struct {
	id   string
	text string
	// norm is text in matching form when it is known without normalize
	// (prose, a span of the docIndex), else "".
	norm     string
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

// findNames runs the alias matcher over the measures, targets and pillar
// goals of one parsed document and adds CITES_LAW / USES_FUND (res) and
// MENTIONS_ORG (ores), with the verbatim surface and the 1-based line of
// the first mention per (node, entity), from one walk of each text
// (matcher.findBoth). Its results are those of the two walks apart
// (findMentions, findOrgMentions in the tests), each in its own order.
func findNames(m *matcher, x *docIndex, pd *parsedDoc, res *mentionResult, ores *orgResult) {
	lm := lawMentions{newMentionScope(m, x, pd), res}
	om := orgMentions{newMentionScope(m, x, pd), ores}
	for src := range mentionSources(x, pd) {
		text := x.sourceText(src)
		names, orgs := m.findBoth(text, !src.fundsOnly)
		lm.add(src, text, names)
		if !src.fundsOnly {
			om.add(src, text, orgs)
		}
	}
}

// mentionScope is what a name pass reads a document's texts with, and
// which mentions it has kept: the first per (node, entity), across all
// the prose runs for the Document.
type mentionScope struct {
	m       *matcher
	x       *docIndex
	pd      *parsedDoc
	docSeen map[string]bool
}

func newMentionScope(m *matcher, x *docIndex, pd *parsedDoc) mentionScope {
	return mentionScope{m: m, x: x, pd: pd, docSeen: map[string]bool{}}
}

// seenFor is the set of entities src's node already mentions: a new one
// for a node's text, the document's for its prose (one relationship per
// (document, entity) across paragraphs).
func (sc *mentionScope) seenFor(src mentionSource) map[string]bool {
	if sc.pd.Doc != nil && src.id == sc.pd.Doc.ID {
		return sc.docSeen
	}
	return map[string]bool{}
}

// lawMentions adds the laws and funds each text names to res, text by
// text (add).
type lawMentions struct {
	mentionScope
	res *mentionResult
}

// add adds the mentions ms that matcher.find found in src's text (text,
// in matching form).
func (lm *lawMentions) add(src mentionSource, text string, ms []aliasMatch) {
	m, x, pd, res := lm.m, lm.x, lm.pd, lm.res
	seen := lm.seenFor(src)
	for _, mt := range ms {
		if mt.p.kind == kindFund && !src.funds || mt.p.kind != kindFund && src.fundsOnly {
			continue
		}
		res.count++
		end := m.nodeID(mt.p)
		if seen[end] {
			continue // one relationship per (node, law): the first mention
		}
		seen[end] = true
		// the text matched: the spelling, or a list naming the fund
		// with another's 基金 (半導体・GI基金)
		said := text[mt.Start:mt.End]
		line, surface, ok := x.locate(said, src.from, src.to)
		if !ok {
			line, surface = src.from, said
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
			Properties: mentionProps(pd, surface, line),
		})
	}
}

// mentionSources yields the texts scanned for names: pillar goals,
// measures, targets and the document's prose. The nodes' are read from pd
// as they are yielded (a slice of them was 0.07 MB a load); the prose runs
// are found once per document, for both name passes.
func mentionSources(x *docIndex, pd *parsedDoc) iter.Seq[mentionSource] {
	// Prose that belongs to no node (key messages, 考え方 pages, the 2025
	// scenario pages) still names laws and funds — the only mentions of the
	// foreign statutes (CHIPS法, インフレ削減法) are there. They are cited by
	// the Document, so no mention is dropped and no node is invented.
	if x.proseOf != pd {
		x.prose, x.proseOf = nil, pd
		if pd.Doc != nil {
			x.prose = proseSources(x, pd)
		}
	}
	return func(yield func(mentionSource) bool) {
		for _, p := range pd.Pillars {
			if p.LongTermGoal != "" && !yield(mentionSource{p.ID, p.LongTermGoal, "", p.LineStart, p.LineEnd, false, false}) {
				return
			}
		}
		for _, ms := range pd.Measures {
			if !yield(mentionSource{ms.ID, ms.Text, "", ms.LineStart, ms.LineEnd, true, false}) {
				return
			}
		}
		for _, t := range pd.Targets {
			if !yield(mentionSource{t.ID, t.Text, "", t.LineStart, t.LineEnd, true, false}) {
				return
			}
		}
		for _, src := range x.prose {
			if !yield(src) {
				return
			}
		}
	}
}

// orgResult is what the organisation pass adds to the graph.
type orgResult struct {
	orgs  map[string]*policygraph.Organisation
	rels  []*policygraph.Relationship
	count int // mentions seen, before keeping the first per (node, organisation)
}

// orgMentions adds the organisations each text names to res, text by
// text (add).
type orgMentions struct {
	mentionScope
	res *orgResult
}

// add adds the mentions ms that matcher.findOrgs found in src's text (n,
// in matching form).
func (om *orgMentions) add(src mentionSource, n string, ms []aliasMatch) {
	m, x, pd, res := om.m, om.x, om.pd, om.res
	seen := om.seenFor(src)
	for _, mt := range ms {
		res.count++
		id := m.orgID(mt.p)
		if seen[id] {
			continue
		}
		seen[id] = true
		// The occurrence matched, not the first: an earlier one may be
		// inside a Not word (有志国連携 before 国連機関).
		line, surface, ok := x.locateNth(mt.p.text, src.from, src.to, strings.Count(n[:mt.Start], mt.p.text))
		if !ok {
			line, surface = src.from, mt.p.text
		}
		if res.orgs[id] == nil {
			res.orgs[id] = m.org(mt.p)
		}
		res.rels = append(res.rels, &policygraph.Relationship{
			ID: relID(policygraph.RelMentionsOrg, src.id, id), Type: policygraph.RelMentionsOrg,
			Start: src.id, End: id,
			Properties: mentionProps(pd, surface, line),
		})
	}
}

// mentionProps are the properties of a mention: the words as written, the
// line, and the slide page of that line when it is known, so a mention in
// prose cited by the Document (CHIPS法 in a key message) has a page to cite.
func mentionProps(pd *parsedDoc, surface string, line int) map[string]any {
	props := map[string]any{"surface": surface, "line": line}
	if page, _ := pd.Pages.pageOf(line); page > 0 {
		props["page"] = page
	}
	return props
}

// proseSources returns the runs of consecutive "skipped:" lines of a
// document (blank lines do not break a run), each as a mention source of the
// Document node, so that a name broken across two prose lines is found. A
// run on a pillar's page (ProseOwner) is the pillar's for laws and
// organisations, the Document's for funds (USES_FUND starts at a measure or
// target, or the Document for prose).
func proseSources(x *docIndex, pd *parsedDoc) []mentionSource {
	t := x.t
	var out []mentionSource
	var lines []string // the run's lines, joined at its end in one allocation
	from, to, size, owner := 0, 0, 0, ""
	flush := func() {
		if from == 0 {
			return
		}
		// The run in matching form is most often a span of x.s: then
		// neither the run nor its normal form is built (0.14 MB a load).
		text, norm, ok := "", "", false
		if norm, ok = x.indexedSpan(from, to); ok {
			text = norm
		} else {
			var b strings.Builder
			b.Grow(size)
			for _, l := range lines {
				b.WriteString(l)
			}
			text = b.String()
		}
		if owner != "" {
			out = append(out, mentionSource{owner, text, norm, from, to, false, false},
				mentionSource{pd.Doc.ID, text, norm, from, to, true, true})
		} else {
			out = append(out, mentionSource{pd.Doc.ID, text, norm, from, to, true, false})
		}
		lines = lines[:0]
		from, to, size = 0, 0, 0
	}
	for i, l := range t.normLines() {
		n := i + 1
		switch {
		case l == "":
			continue
		case strings.HasPrefix(pd.Placed.at(n), "skipped:"):
			if o := pd.ProseOwner[n]; from > 0 && o != owner {
				flush()
			}
			if from == 0 {
				from, owner = n, pd.ProseOwner[n]
			}
			to = n
			lines = append(lines, l)
			size += len(l)
		default:
			flush()
		}
	}
	flush()
	return out
}

// sourceText is the text of src in matching form (normalize).
func (x *docIndex) sourceText(src mentionSource) string {
	if src.norm != "" {
		return src.norm
	}
	return x.normalize(src.text)
}

// indexedSpan returns normalize of the lines' NFKC forms from..to (1-based)
// joined, as the span of s that holds them, when it is that: every rune
// takes normalize's rune-by-rune path (ASCII whitespace dropped, others
// mapped by nfkc.Rune), and each line's runes mapped so are that line's
// output in s. ok is false otherwise.
func (x *docIndex) indexedSpan(from, to int) (string, bool) {
	var buf [utf8.UTFMax]byte
	for li := from - 1; li < to; li++ {
		if x.t.normKept(li) {
			continue // the line is its norm, mapped rune by rune: newDocIndex made its span so
		}
		out := x.s[x.lineStart(li):x.lineStart(li+1)]
		l, p := x.t.norm(li), 0 // l[:i] mapped is out[:p]
		for i := 0; i < len(l); {
			// a run of runes that stay is compared whole
			if k := nfkc.StableSpan(l[i:], &spaceBytes); k > 0 {
				if len(out)-p < k || out[p:p+k] != l[i:i+k] {
					return "", false
				}
				i, p = i+k, p+k
				continue
			}
			if l[i] < utf8.RuneSelf { // a space, dropped
				i++
				continue
			}
			r, n := nfkc.DecodeRune(l, i)
			i += n
			m, ok := nfkc.Rune(r)
			if !ok {
				return "", false
			}
			if m < utf8.RuneSelf && isSpace(byte(m)) {
				continue
			}
			b := utf8.AppendRune(buf[:0], m)
			if len(out)-p < len(b) || out[p:p+len(b)] != string(b) {
				return "", false
			}
			p += len(b)
		}
		if p != len(out) {
			return "", false
		}
	}
	return x.s[x.lineStart(from-1):x.lineStart(to)], true
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
