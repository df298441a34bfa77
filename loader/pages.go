package loader

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Slide pages. The seed files are PDF text extractions without form feeds,
// so where one slide ends is inferred from two habits of the extraction:
//
//   - a slide usually begins with a line that starts with one ASCII space;
//   - some slides begin after a run of three or more blank lines (a normal
//     paragraph gap is one).
//
// (A form feed, where an extraction keeps them, always breaks.)
//
// A candidate break that would leave the slide before it with at most
// tinyPage non-blank lines is not a break: the extraction often emits a
// slide's title or a side box as its own text block just before the body
// (" 女性起業家支援パッケージ", then the body four lines on).
//
// The count is then checked against the numbers the slides print: a bare
// number line between blank lines ("19"), a number glued to the end of a
// slide's last line ("… 受講者数 83") and the contents page's "… ･･･p.20",
// which names the slide where a section begins. Chart values look the same
// as page numbers, so a printed number is only believed when it fits the
// breaks: the longest run of numbers that grows no faster than the breaks
// between them, and bare numbers alone on their slide. Between two believed
// numbers, a slide is confirmed when the breaks counted there agree with the
// printed numbers at both ends, or when the leading-space breaks alone do
// (then those are used); otherwise its number is inferred by counting from
// the nearer believed number, kept between the two.

// tinyPage is the most non-blank lines a candidate slide may hold and still
// be merged into the next one.
const tinyPage = 2

// maxLook bounds how far back a printed number looks for the one before it
// and how many slides a contents entry searches, so that a hostile document
// full of number lines stays linear. The real ones need a few dozen.
const maxLook = 256

var (
	rePageTail  = regexp.MustCompile(`[^\x00-\x7f]\s+([0-9]{1,3})$`)
	rePageIndex = regexp.MustCompile(`^(.+?)\s*・・・\s*p\.\s*([0-9]{1,3})$`)
	reLeadOrd   = regexp.MustCompile(`^[0-9]+\s*`)
)

// pageAnchor is a printed page number: line lies on page.
type pageAnchor struct {
	line, page int
	kind       string // "number", "trailing number", "contents"
}

// pageSpan is a run of lines whose pages were computed the same way.
type pageSpan struct {
	from, to  int // 1-based inclusive lines
	first     int // page of line from
	last      int // page of line to
	confirmed bool
	reason    string // why the pages are inferred; "" when confirmed
}

// pageMapping holds the slide page of every line of a document.
type pageMapping struct {
	page      []int32 // page[i] is the page of line i+1 (no more pages than lines)
	confirmed []bool  // confirmed[i]: page[i] agrees with printed numbers
	breaks    []int   // first line of each slide, ascending; breaks[0] == 1
	spaced    []int   // the breaks by the leading-space convention (or a form feed) alone
	gaps      []int   // the lines after three or more blank lines
	anchors   []pageAnchor
	ignored   int // printed-number candidates that did not fit the breaks
	spans     []pageSpan
}

// pageOf returns the page of a 1-based line and whether it is confirmed;
// 0 for a line outside the document.
func (m *pageMapping) pageOf(line int) (int, bool) {
	if m == nil || line < 1 || line > len(m.page) {
		return 0, false
	}
	return int(m.page[line-1]), m.confirmed[line-1]
}

// lines returns the 1-based line range of page n, for 後掲 p.NN pointers;
// ok is false unless every line of it is confirmed.
func (m *pageMapping) lines(n int) (from, to int, ok bool) {
	if m == nil {
		return 0, 0, false
	}
	for i, p := range m.page {
		if int(p) != n {
			continue
		}
		if from == 0 {
			from = i + 1
		}
		to = i + 1
		if !m.confirmed[i] {
			return 0, 0, false
		}
	}
	return from, to, from > 0
}

// breaksIn counts slide breaks in the lines (a, b].
func (m *pageMapping) breaksIn(a, b int) int { return countIn(m.breaks, a, b) }

// countIn counts the elements of the ascending xs in (a, b].
func countIn(xs []int, a, b int) int {
	return sort.SearchInts(xs, b+1) - sort.SearchInts(xs, a+1)
}

// findPages computes the slide page of every line of t.
func findPages(t *docText) *pageMapping { return scanPageBreaks(t).pages(t, nil) }

// pageBreakScan is the slide breaks a text's lines show (pageBreaks): the
// line scan, made while the grammar runs, before the grammar says which
// slides its layout knows.
type pageBreakScan struct{ breaks, spaced, gaps []int }

func scanPageBreaks(t *docText) pageBreakScan {
	if t.lineCount() == 0 {
		return pageBreakScan{}
	}
	breaks, spaced, gaps := pageBreaks(t)
	return pageBreakScan{breaks, spaced, gaps}
}

// oneSlide is a run of lines, from..to (1-based, inclusive), that the
// layout knows to be one slide: an overview table (2023's 新機軸の施策の柱
// tables, 2025's pillar tables) fills a slide of its own, whatever lines
// inside it the extraction starts with a space (a wrapped cell, the
// ' 各分野（ミクロ）の主要施策' header).
type oneSlide struct{ from, to int }

// pages computes the pages of t's lines from the breaks scanned and the
// slides the layout knows (ascending, apart): no break inside one, a break
// where each begins. The printed numbers still check the count.
func (s pageBreakScan) pages(t *docText, slides []oneSlide) *pageMapping {
	if t.lineCount() == 0 {
		return &pageMapping{}
	}
	breaks := s.breaks
	if len(slides) > 0 {
		breaks = make([]int, 0, len(s.breaks)+len(slides))
		k := 0 // the first slide that may hold the break read
		for _, b := range s.breaks {
			for k < len(slides) && slides[k].to < b {
				k++
			}
			if k < len(slides) && slides[k].from < b {
				continue // inside a slide the layout knows
			}
			breaks = append(breaks, b)
		}
		for _, sl := range slides {
			breaks = append(breaks, sl.from)
		}
		slices.Sort(breaks)
		breaks = slices.Compact(breaks)
	}
	return pagesFrom(t, breaks, s.spaced, s.gaps)
}

// pagesFrom computes the pages of t's lines from its slide breaks (the
// first line of each slide, ascending, from 1), the breaks by leading
// spaces alone and the gaps of three blank lines (pageBreaks).
func pagesFrom(t *docText, breaks, spaced, gaps []int) *pageMapping {
	n := t.lineCount()
	m := &pageMapping{page: make([]int32, n), confirmed: make([]bool, n), breaks: breaks, spaced: spaced, gaps: gaps}
	cands, charts := pageAnchors(t, m.breaks)
	m.anchors = m.believe(cands)
	m.ignored = len(cands) - len(m.anchors) + charts
	m.assign(n)
	return m
}

// pageBreaks returns the first line of every candidate slide, the breaks
// that the leading-space convention (or a form feed) alone gives, and the
// lines after a gap of three blank lines.
func pageBreaks(t *docText) (breaks, spaced, gaps []int) {
	var cands []int
	blanks, formFeed := 0, false
	feeds := strings.IndexByte(t.text, '\f') >= 0 // else no line is searched for one
	for i, raw := range t.rawLines() {
		// a form feed, where an extraction keeps them, ends a page for sure
		formFeed = formFeed || feeds && strings.IndexByte(raw, '\f') >= 0
		if t.norm(i) == "" {
			blanks++
			continue
		}
		lead := strings.HasPrefix(raw, " ") || formFeed
		if len(cands) == 0 || lead || blanks >= 3 {
			cands = append(cands, i+1)
		}
		if lead && i > 0 {
			spaced = append(spaced, i+1)
		}
		if blanks >= 3 && i > 0 {
			gaps = append(gaps, i+1)
		}
		blanks, formFeed = 0, false
	}
	if len(cands) == 0 {
		return []int{1}, []int{1}, nil
	}
	spaced = append([]int{1}, spaced...)
	if len(spaced) > 1 && spaced[1] == cands[0] && cands[0] != 1 {
		spaced = append(spaced[:1], spaced[2:]...) // the first slide's own first line
	}
	cands[0] = 1 // leading blank lines belong to the first slide
	breaks = []int{1}
	for _, c := range cands[1:] {
		last := breaks[len(breaks)-1]
		body := 0
		for l := last; l < c; l++ {
			if t.norm(l-1) != "" {
				body++
			}
		}
		if body > tinyPage {
			breaks = append(breaks, c)
		}
	}
	return breaks, spaced, gaps
}

// spacedBreaks returns the leading-space breaks in (a, b), each moved up to
// the last gap of three blank lines after the break before it: a slide's
// title block often comes out first, set off by blank lines, and the body
// then starts with the space ("女性起業家支援パッケージ", the ⚫ intro, then
// " 新規上場企業に占める").
func (m *pageMapping) spacedBreaks(a, b int) []int {
	var out []int
	lo := a
	for _, s := range m.spaced[sort.SearchInts(m.spaced, a+1):sort.SearchInts(m.spaced, b)] {
		at := s
		if j := sort.SearchInts(m.gaps, s) - 1; j >= 0 && m.gaps[j] > lo {
			at = m.gaps[j]
		}
		out = append(out, at)
		lo = s
	}
	return out
}

// pageAnchors returns every printed page number candidate, by line, and how
// many bare numbers it passed over as chart values.
// endsWithDigit is a cheap test before rePageTail, which scans the line.
func endsWithDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

func pageAnchors(t *docText, breaks []int) (_ []pageAnchor, charts int) {
	n := t.lineCount()
	blank := func(l int) bool { return l < 1 || l > n || t.norm(l-1) == "" }
	slide := func(l int) int { return sort.SearchInts(breaks, l+1) }
	var out []pageAnchor
	lonePerSlide := map[int]int{}
	for i := range t.lineCount() {
		l := i + 1
		if isDigits(t.norm(i), 1, 3) && blank(l-1) && blank(l+1) {
			lonePerSlide[slide(l)]++
		}
	}
	for i, raw := range t.rawLines() {
		l := i + 1
		nl := t.norm(i)
		switch {
		case isDigits(nl, 1, 3) && blank(l-1) && blank(l+1):
			// several bare numbers on one slide are chart values
			if lonePerSlide[slide(l)] > 1 {
				charts++
				break
			}
			v, _ := strconv.Atoi(nl)
			out = append(out, pageAnchor{line: l, page: v, kind: "number"})
		case endsWithDigit(raw) && rePageTail.MatchString(raw) && (blank(l+1) || l < n && strings.HasPrefix(t.raw(l), " ")):
			v, _ := strconv.Atoi(rePageTail.FindStringSubmatch(raw)[1])
			out = append(out, pageAnchor{line: l, page: v, kind: "trailing number"})
		}
		if !containsText(nl, "・・・") {
			continue // not a contents line (the regexp below is slow on every line)
		}
		if mm := rePageIndex.FindStringSubmatch(nl); mm != nil {
			name := reLeadOrd.ReplaceAllString(mm[1], "")
			v, _ := strconv.Atoi(mm[2])
			// the section starts on the first later slide whose first line
			// names it, within maxLook slides (a bound on hostile input)
			from := sort.SearchInts(breaks, l+1)
			for _, b := range breaks[from:min(len(breaks), from+maxLook)] {
				if name != "" && strings.Contains(t.norm(b-1), name) {
					out = append(out, pageAnchor{line: b, page: v, kind: "contents"})
					break
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].line < out[j].line })
	// the contents page is printed twice (before the missions and before the OS)
	dedup := out[:0]
	for _, a := range out {
		if len(dedup) > 0 && dedup[len(dedup)-1].line == a.line && dedup[len(dedup)-1].page == a.page {
			continue
		}
		dedup = append(dedup, a)
	}
	return dedup, charts
}

// believe keeps the longest chain of candidates that the breaks allow: page
// numbers never fall, two on one slide are equal, and between two of them
// there are at least as many breaks as pages (the breaks over-count more
// often than they miss, so a jump larger than the breaks is a chart value).
func (m *pageMapping) believe(cands []pageAnchor) []pageAnchor {
	fits := func(a, b pageAnchor) bool {
		k := m.breaksIn(a.line, b.line)
		if b.page == a.page {
			return k == 0
		}
		return b.page > a.page && b.page-a.page <= k
	}
	best := make([]int, len(cands))
	prev := make([]int, len(cands))
	top := -1
	for j, c := range cands {
		prev[j] = -1
		if c.page < 1 || c.page > m.breaksIn(0, c.line) {
			continue // beyond the slides counted so far
		}
		best[j] = 1
		for i := max(0, j-maxLook); i < j; i++ {
			if best[i] > 0 && best[i]+1 > best[j] && fits(cands[i], c) {
				best[j], prev[j] = best[i]+1, i
			}
		}
		if top < 0 || best[j] > best[top] {
			top = j
		}
	}
	var chain []pageAnchor
	for j := top; j >= 0; j = prev[j] {
		chain = append(chain, cands[j])
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

// assign fills page and confirmed from the breaks and the believed anchors.
func (m *pageMapping) assign(n int) {
	// The extraction starts on page 1 unless a printed number says otherwise;
	// that is an assumption (a cover slide without text would shift it), so
	// it confirms nothing by itself.
	pts := append([]pageAnchor{{line: 1, page: 1, kind: "start"}}, m.anchors...)
	if len(m.anchors) > 0 && m.anchors[0].line == 1 {
		pts = m.anchors
	}
	for i := range pts {
		a := pts[i]
		from := a.line
		if i == 0 {
			from = 1
		}
		if i+1 == len(pts) {
			for l := from; l <= n; l++ {
				m.page[l-1] = int32(a.page + m.breaksIn(a.line, l))
			}
			reason := "no printed page number after line " + strconv.Itoa(a.line) + " to check the count against"
			if a.kind == "start" {
				reason = "the document prints no page number that fits its page breaks"
			}
			m.addSpan(from, n, false, reason)
			continue
		}
		b := pts[i+1]
		k, d := m.breaksIn(a.line, b.line), b.page-a.page
		// Where all breaks over-count, the leading-space ones alone may agree
		// with the printed numbers (the extra ones are title blocks and
		// table headers set off by blank lines); then they are the breaks.
		// b's own line stays a break if it is one: it opens page b.page.
		kSpaced := countIn(m.spaced, a.line, b.line-1)
		if countIn(m.breaks, b.line-1, b.line) == 1 || countIn(m.spaced, b.line-1, b.line) == 1 {
			kSpaced++
		}
		spacedOK := k != d && kSpaced == d
		ok := k == d || spacedOK
		var spaced []int
		if spacedOK {
			spaced = m.spacedBreaks(a.line, b.line)
		}
		low := a.page // pages never fall: the page of the line before
		for l := from; l < b.line; l++ {
			fwd, back := m.breaksIn(a.line, l), m.breaksIn(l, b.line)
			p := a.page + fwd
			switch {
			case spacedOK:
				p = a.page + countIn(spaced, a.line, l)
			case !ok && back < fwd:
				// Counted back from b, nearer; where the breaks
				// over-count, that is below the count from a just
				// before, and a page is never below the one before it.
				p = max(b.page-back, low)
			}
			p = min(max(p, a.page), b.page)
			m.page[l-1], low = int32(p), p
		}
		reason := ""
		if !ok {
			reason = fmt.Sprintf("%d page breaks found between p.%d (line %d) and p.%d (line %d), which are %d pages apart (%d by leading spaces alone)",
				k, a.page, a.line, b.page, b.line, d, kSpaced)
		}
		m.addSpan(from, b.line-1, ok, reason)
	}
	for _, s := range m.spans {
		for l := s.from; l <= s.to; l++ {
			m.confirmed[l-1] = s.confirmed
		}
	}
	// A line that carries a believed printed number is on that page, whatever
	// the count around it says.
	for _, a := range m.anchors {
		m.page[a.line-1], m.confirmed[a.line-1] = int32(a.page), true
	}
	for i := range m.spans {
		s := &m.spans[i]
		for l := s.from; l <= s.to; l++ {
			if m.confirmed[l-1] == s.confirmed {
				if s.first == 0 {
					s.first = int(m.page[l-1])
				}
				s.last = int(m.page[l-1])
			}
		}
	}
}

func (m *pageMapping) addSpan(from, to int, ok bool, reason string) {
	if from > to {
		return
	}
	m.spans = append(m.spans, pageSpan{from: from, to: to, confirmed: ok, reason: reason})
}

// pageReport summarises the pages of a parsed document for the load report.
func (pd *parsedDoc) pageReport() PageReport {
	m := pd.Pages
	if m == nil || len(m.page) == 0 {
		return PageReport{}
	}
	r := PageReport{Pages: int(m.page[len(m.page)-1]), PrintedNumbers: len(m.anchors), Ignored: m.ignored}
	for _, s := range m.spans {
		if !s.confirmed {
			r.Inferred = append(r.Inferred, PageSpan{FromLine: s.from, ToLine: s.to, FirstPage: s.first, LastPage: s.last, Reason: s.reason})
		}
	}
	for _, s := range pd.sources() {
		r.Nodes++
		if _, ok := m.pageOf(s.LineStart); !ok {
			r.InferredNodes++
		}
	}
	return r
}
