// Package loader turns the seed documents (METI's 経済産業政策新機軸部会
// reports as extracted text) into a policy graph, as a pipeline:
//
//   - the slide-text lexer every edition shares (lex.go) gives each line its
//     shape: bullets, headings, page and chart numbers, vertical labels;
//   - a grammar per layout (layouts.go: parse2023.go, parse2025.go and the
//     files they delegate to), chosen by the manifest, the edition's data
//     or the text, never by year, reads the structure from those shapes and
//     builds nodes with docBuilder (build.go): measures, groups and
//     targets with their ids, quotes, links and line placement;
//     what a grammar is told rather than reads (an edition's pillar table
//     and markers, law, fund and organisation names) is data in
//     aliases.json (editions.go);
//   - extractors written once for every edition read a node's text: the
//     title (headline.go), years (years.go), quantities (quantity.go),
//     wrapped lines joined (join.go), 再掲 markers (relistclause.go);
//   - shared passes add laws and funds (mentions.go), amounts, RELISTS and
//     REFERS_TO (links.go), SUMMARIZES (summarizes.go) and the cross-edition
//     CONTINUES, EVOLVES_FROM and REVISES links.
package loader

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// loadedDoc is one document that parsed, with what the passes need.
type loadedDoc struct {
	entry seed.Entry
	t     *docText
	pd    *parsedDoc
	rep   *DocReport
	// layout is the grammar that read it and what named it.
	layout layoutChoice
	// passes is what the shared passes find in it alone (runDocPasses).
	passes *docPasses
	// links is what it adds against the document before it, linked as
	// soon as both had their items (loadDocuments); assemble uses it if
	// links.prev is the document before it there.
	links *docLinks
	// ids are its node ids (checkParsed); nil for a loadedDoc built by
	// hand, until nodeIDSet fills them.
	ids idList
	// scoped: 1 when its node ids all name its year, -1 when not, 0 until
	// yearScoped looks.
	scoped int8
}

// LoadDir loads the seed directory dir (manifest.json and the documents).
func LoadDir(dir string) (*policygraph.Graph, *Report, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, &Report{}, fmt.Errorf("load %s: %w", dir, err)
	}
	return LoadFS(os.DirFS(dir))
}

// LoadFS loads a seed directory: every document of the manifest through its
// edition parser, then the shared passes over all of them. A document that
// fails (unreadable, empty, binary, not UTF-8, too large, no structure, a
// parser error or panic) is left out and named in the returned error, an
// ErrorList, and in the report; the other documents still load, so the
// graph is returned with the error. The graph is deterministic: nodes in
// document and line order (laws and funds by id), relationships by id.
// Documents are read on several goroutines at once: fsys must be safe for
// concurrent use (embed.FS, os.DirFS and fstest.MapFS are).
func LoadFS(fsys fs.FS) (*policygraph.Graph, *Report, error) {
	eds, err := loadEditions()
	if err != nil {
		rep := &Report{}
		return &policygraph.Graph{}, rep, tableErrors(rep, err)
	}
	return loadFS(fsys, eds)
}

// tableErrors is the load's error when the embedded tables (aliases.json)
// are wrong: each problem of an ErrorList goes into the report at its
// line, as a document's do; anything else is wrapped as it is.
func tableErrors(rep *Report, err error) error {
	var list ErrorList
	if !errors.As(err, &list) {
		return fmt.Errorf("load: %w", err)
	}
	rep.Errors = append(rep.Errors, list...)
	return rep.Errors.Err()
}

// loadFS is LoadFS with the given edition data (tests add editions).
func loadFS(fsys fs.FS, eds *editionTable) (*policygraph.Graph, *Report, error) {
	rep := &Report{}
	g := &policygraph.Graph{}
	man, err := seed.ReadManifest(fsys)
	if err != nil {
		var list seed.Errors
		if !errors.As(err, &list) {
			list = seed.Errors{{Err: err}}
		}
		for _, e := range list {
			rep.Errors.Add(&DocError{File: seed.ManifestFile, Line: e.Line, Err: e.Err})
		}
		return g, rep, rep.Errors.Err()
	}
	m, err := loadMatcher()
	if err != nil {
		return g, rep, tableErrors(rep, err)
	}
	loaded := loadDocuments(fsys, man.Documents, eds, m)
	var docs []*loadedDoc
	var claimed []*loadedDoc // the documents whose ids are taken
	for i, e := range man.Documents {
		dr := &DocReport{File: e.File, DocID: e.ID, Edition: e.Edition, Year: e.Year,
			Nodes: map[string]int{}, Rels: map[string]int{}}
		rep.Documents = append(rep.Documents, dr)
		d, err := loaded[i].d, loaded[i].err
		if err == nil {
			err = claimIDs(claimed, d)
		}
		if err != nil {
			var de *DocError
			if !errors.As(err, &de) {
				de = &DocError{File: e.File, Err: err}
			}
			dr.Err = de.Error()
			rep.Errors.Add(de)
			continue
		}
		d.rep = dr
		claimed = append(claimed, d)
		dr.Lines, dr.Layout, dr.LayoutFrom = d.t.lineCount(), d.layout.name, d.layout.from
		dr.Pages = d.pd.pageReport()
		docs = append(docs, d)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].entry.Year < docs[j].entry.Year })
	if err := assembleSafe(g, rep, m, docs); err != nil {
		return &policygraph.Graph{}, rep, err
	}
	rep.Errors.Sort()
	return g, rep, rep.Errors.Err()
}

// assembleSafe runs the shared passes, turning a panic (a bug, since the
// parsed documents were checked) into an error instead of a crash.
func assembleSafe(g *policygraph.Graph, rep *Report, m *matcher, docs []*loadedDoc) (err error) {
	for _, d := range docs {
		if d.passes == nil {
			d.passes = runDocPasses(m, d)
		}
	}
	if err := passesErr(docs); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*PanicError) // from a pass on another goroutine
			if !ok {
				pe = &PanicError{Value: r, Stack: string(debug.Stack())}
			}
			err = fmt.Errorf("load: shared passes: %w", pe)
		}
	}()
	assemble(g, rep, m, docs)
	return nil
}

// claimIDs rejects a document whose node ids collide with those of one
// claimed before it (a manifest listing the same edition twice). The
// documents' own sorted ids answer it, without a map of every id of the
// load. Two documents of different years whose node ids all name their
// year (yearScoped: pillar:2023:…, measure:2025:…, as the grammars make
// them) can share only a Document's id, so only that is looked up between
// them: a hundred editions make about 5,000 lookups, not one per id and
// document claimed before (35 million string comparisons).
func claimIDs(claimed []*loadedDoc, d *loadedDoc) error {
	for _, c := range claimed {
		ids := nodeIDs(d.pd)
		if c.t.Year != d.t.Year && c.yearScoped() && d.yearScoped() {
			if d.nodeIDSet().has(c.pd.Doc.ID) {
				ids = slices.Values([]string{c.pd.Doc.ID})
			} else {
				ids = slices.Values([]string{d.pd.Doc.ID})
			}
		}
		for id := range ids {
			if c.nodeIDSet().has(id) {
				return &DocError{File: d.t.File, Err: fmt.Errorf("node id %s already loaded from %s", id, c.t.File)}
			}
		}
	}
	return nil
}

// yearScoped reports whether every node id of d but its Document's has
// d's year as its second part (measure:2023:MISSION-1:…): then no node id
// of another year's document can equal one of them.
func (d *loadedDoc) yearScoped() bool {
	if d.scoped == 0 {
		d.scoped = 1
		year := strconv.Itoa(d.t.Year) + ":"
		for id := range nodeIDs(d.pd) {
			if id == d.pd.Doc.ID {
				continue
			}
			if _, rest, _ := strings.Cut(id, ":"); !strings.HasPrefix(rest, year) {
				d.scoped = -1
				break
			}
		}
	}
	return d.scoped > 0
}

// nodeIDSet is d's node ids, sorted (made here for a loadedDoc built by
// hand).
func (d *loadedDoc) nodeIDSet() idList {
	if d.ids == nil {
		d.ids = newIDList(d.pd)
	}
	return d.ids
}

// idList is a document's node ids, the Document's included, sorted: under
// half the bytes of a map of them (15 KB against 38 KB a load).
type idList []string

// newIDList is pd's node ids, sorted, repeats kept.
func newIDList(pd *parsedDoc) idList {
	ids := make(idList, 0, pd.nodeCount())
	for id := range nodeIDs(pd) {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// has reports whether id is one of the list.
func (l idList) has(id string) bool {
	_, ok := slices.BinarySearch(l, id)
	return ok
}

// idTable finds the ids of an idList by hash, for checkParsed, which asks
// for both ends of every relationship (2,294 look-ups for the 2023
// document): by binary search, comparing ids that share their first
// bytes (measure:2023:…), that was most of checkParsed's time. slot holds
// 1 + the index in ids of each id (the first of repeats), open-addressed
// over a power of two at least twice the ids; 0 is empty.
type idTable struct {
	ids  idList
	seed maphash.Seed
	slot []int32
}

func newIDTable(ids idList) idTable {
	n := 1
	for n < 2*len(ids) {
		n *= 2
	}
	x := idTable{ids: ids, seed: maphash.MakeSeed(), slot: make([]int32, n)}
	for i, id := range ids {
		if i > 0 && ids[i-1] == id {
			continue
		}
		k := x.find(id)
		x.slot[k] = int32(i + 1)
	}
	return x
}

// find is the slot of id: its own, or the empty one where it would go.
func (x idTable) find(id string) int {
	mask := len(x.slot) - 1
	k := int(maphash.String(x.seed, id)) & mask
	for x.slot[k] != 0 && x.ids[x.slot[k]-1] != id {
		k = (k + 1) & mask
	}
	return k
}

// has reports whether id is one of the ids.
func (x idTable) has(id string) bool {
	return x.slot[x.find(id)] != 0
}

// docResult is one document loaded, or why not.
type docResult struct {
	d   *loadedDoc
	err error
}

// loadDocuments reads and parses the documents, runs each one's own
// passes (runDocPasses) and links it to the one before it in year order
// (pairLinker), several documents at once: each is read by its own
// goroutine into its own values, so the results, in manifest order, are
// those of a load of one after the other.
func loadDocuments(fsys fs.FS, entries []seed.Entry, eds *editionTable, m *matcher) []docResult {
	out := make([]docResult, len(entries))
	pl := newPairLinker(m, entries)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, e := range entries {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			var d *loadedDoc
			err := catchPanic(func() { // a panic of fsys would end the program here
				var err error
				if d, err = loadDocumentWith(fsys, e, eds); err == nil {
					d.passes = runDocPassesThen(m, d, func(p *docPasses) { pl.arrive(i, d, p) })
				}
				out[i] = docResult{d, err}
			})
			if err != nil {
				out[i] = docResult{nil, &DocError{File: e.File, Err: err}}
			}
		})
	}
	wg.Wait()
	pl.wg.Wait()
	for i, r := range out {
		if r.d != nil {
			r.d.links = pl.links[i]
		}
	}
	return out
}

// pairLinker links each document to the one before it in year order
// (linkDoc) as soon as both have their items, on a goroutine of its own,
// while the other passes of both may still run. The order is the
// manifest's, by year, as assemble orders the documents; a document whose
// neighbour then fails to load is linked again there.
type pairLinker struct {
	m  *matcher
	wg sync.WaitGroup // the links being made
	// busy holds a token per pair being linked: as many at once as
	// there are processors, however many editions arrive together.
	busy  chan struct{}
	order []int // the documents' manifest indices by year
	place []int // place[i]: where document i is in order
	mu    sync.Mutex
	docs  []*loadedDoc // by manifest index, set when its items are made
	ps    []*docPasses
	links []*docLinks // by manifest index, each written once
}

func newPairLinker(m *matcher, entries []seed.Entry) *pairLinker {
	n := len(entries)
	pl := &pairLinker{m: m, busy: make(chan struct{}, runtime.GOMAXPROCS(0)), order: make([]int, n), place: make([]int, n),
		docs: make([]*loadedDoc, n), ps: make([]*docPasses, n), links: make([]*docLinks, n)}
	for i := range pl.order {
		pl.order[i] = i
	}
	sort.SliceStable(pl.order, func(a, b int) bool { return entries[pl.order[a]].Year < entries[pl.order[b]].Year })
	for k, i := range pl.order {
		pl.place[i] = k
	}
	return pl
}

// arrive records that document i has its items (p), and links what that
// completes: i against the document before it, the one after it against i.
func (pl *pairLinker) arrive(i int, d *loadedDoc, p *docPasses) {
	type pair struct {
		at          int // the manifest index of cur
		cur, prev   *loadedDoc
		curP, prevP *docPasses
	}
	var todo []pair
	func() {
		pl.mu.Lock()
		defer pl.mu.Unlock()
		pl.docs[i], pl.ps[i] = d, p
		k := pl.place[i]
		if k == 0 {
			todo = append(todo, pair{at: i, cur: d, curP: p})
		} else if j := pl.order[k-1]; pl.docs[j] != nil {
			todo = append(todo, pair{at: i, cur: d, curP: p, prev: pl.docs[j], prevP: pl.ps[j]})
		}
		if k+1 < len(pl.order) {
			if j := pl.order[k+1]; pl.docs[j] != nil {
				todo = append(todo, pair{at: j, cur: pl.docs[j], curP: pl.ps[j], prev: d, prevP: p})
			}
		}
	}()
	for _, t := range todo {
		pl.wg.Go(func() {
			pl.busy <- struct{}{}
			defer func() { <-pl.busy }()
			pl.links[t.at] = linkDoc(pl.m, t.prev, t.cur, t.prevP, t.curP)
		})
	}
}

// docLinks is what document d adds against prev, the document before it
// (nil for the first): its RELISTS (the originals are in d or prev), then
// CONTINUES and EVOLVES_FROM (cross) and REVISES to prev, with the report
// entries of RELISTS and CONTINUES; err is a panic of those passes, as
// *PanicError.
type docLinks struct {
	prev                    *loadedDoc
	relists, cross, revises []*policygraph.Relationship
	relistsUnresolved       []Unresolved
	crossUnresolved         []Unresolved
	err                     error
}

// linkDoc links d (its passes p) against prev (prevP), nil for none:
// RELISTS and REVISES on a goroutine of their own while this one links
// the rest.
func linkDoc(m *matcher, prev, d *loadedDoc, prevP, p *docPasses) *docLinks {
	l := &docLinks{prev: prev}
	var relistsErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		relistsErr = catchPanic(func() {
			items := [][]*simItem{p.items}
			if prev != nil {
				items = [][]*simItem{prevP.items, p.items}
			}
			var rep Report
			l.relists = linkDocRelists(d, items, &rep)
			l.relistsUnresolved = rep.Unresolved
			if prev != nil {
				l.revises = linkRevises(d.pd.Targets, prev.pd.Targets)
			}
		})
	})
	l.err = catchPanic(func() {
		if prev == nil {
			return
		}
		var rep Report
		cont := linkContinues(m, d, prev, &rep)
		in := evolveInputs{cont: newEvolveInputs(cont, nil).cont,
			refersTo: prevP.evolveIn.refersTo, summarizes: prevP.evolveIn.summarizes,
			parent: p.evolveIn.parent, copies: p.evolveIn.copies}
		l.cross = append(cont, linkEvolves(p.items, prevP.items, in)...)
		l.crossUnresolved = rep.Unresolved
	})
	wg.Wait()
	l.err = cmp.Or(relistsErr, l.err)
	return l
}

// loadDocument reads one document and parses it with the shipped edition
// data.
func loadDocument(fsys fs.FS, e seed.Entry) (*loadedDoc, error) {
	eds, err := loadEditions()
	if err != nil {
		return nil, err
	}
	return loadDocumentWith(fsys, e, eds)
}

// loadDocumentWith reads one document and parses it.
func loadDocumentWith(fsys fs.FS, e seed.Entry, eds *editionTable) (*loadedDoc, error) {
	if !fs.ValidPath(e.File) {
		return nil, &DocError{File: e.File, Err: errors.New("invalid file name in manifest")}
	}
	data, err := readDocument(fsys, e.File)
	if err != nil {
		return nil, err
	}
	return parseDocumentWith(e, data, eds)
}

// readDocument reads a seed document: Stat first, so that a huge file is
// refused without reading it. A panic of fsys is an error naming the file
// system, not the parser.
func readDocument(fsys fs.FS, name string) (data string, err error) {
	if perr := catchPanic(func() {
		var fi fs.FileInfo
		if fi, err = fs.Stat(fsys, name); err != nil {
			return
		} else if fi.Size() > maxDocBytes {
			err = tooLarge(name, fi.Size())
			return
		}
		data, err = readFileString(fsys, name, fi.Size())
	}); perr != nil {
		perr.(*PanicError).Where = "file system"
		err = perr
	}
	var de *DocError
	if err != nil && !errors.As(err, &de) {
		err = &DocError{File: name, Err: err}
	}
	return data, err
}

// readFileString reads a file as fs.ReadFile does, into a string without a
// second copy; size is what Stat said, so one allocation usually holds it.
func readFileString(fsys fs.FS, name string, size int64) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b := make([]byte, 0, min(max(size, 0), maxDocBytes)+1) // +1: EOF is seen without growing
	for {
		if len(b) > maxDocBytes {
			// Stat said less (a file that grows, or a file system that
			// does not know): refused at the limit, not read to its end.
			return "", fmt.Errorf("read more than the %d-byte limit for a seed document (%d bytes by Stat)", maxDocBytes, size)
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
	}
	if len(b) == 0 {
		return "", nil
	}
	// b is ours alone and never written again: the string can share it
	// (as strings.Builder does).
	return unsafe.String(&b[0], len(b)), nil
}

// parseDocument is the per-document step with the shipped edition data.
func parseDocument(e seed.Entry, data []byte) (*docText, *parsedDoc, error) {
	eds, err := loadEditions()
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxDocBytes { // refused before the copy
		return nil, nil, tooLarge(e.File, int64(len(data)))
	}
	d, err := parseDocumentWith(e, string(data), eds)
	if err != nil {
		return nil, nil, err
	}
	return d.t, d.pd, nil
}

// parseDocumentWith is the per-document step: text checks, the layout's
// grammar, contract checks. It never panics: a parser panic becomes a
// *DocError holding a *PanicError.
func parseDocumentWith(e seed.Entry, data string, eds *editionTable) (d *loadedDoc, err error) {
	defer func() {
		if r := recover(); r != nil {
			d = nil
			err = &DocError{File: e.File, Err: &PanicError{Value: r, Stack: string(debug.Stack())}}
		}
	}()
	t, err := newDocTextString(e.File, e.Year, e.ID, data)
	if err != nil {
		return nil, err
	}
	lc, err := pickLayout(e, t, eds)
	if err != nil {
		return nil, err
	}
	t.Edition = lc.edition
	// The slide breaks the lines show and the name passes' index read the
	// lines alone: made while the grammar runs.
	var pages pageBreakScan
	var index *docIndex
	var pagesErr error
	var wg sync.WaitGroup
	text := t // not t itself: a return assigns it before the deferred Wait
	wg.Go(func() {
		pagesErr = catchPanic(func() {
			pages = scanPageBreaks(text)
			index = newDocIndex(text)
		})
	})
	defer wg.Wait()
	pd, err := lc.layout.parse(t)
	if err != nil {
		var de *DocError
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, &DocError{File: e.File, Err: fmt.Errorf("parse (layout %s): %w", lc.name, err)}
	}
	if pd == nil {
		return nil, &DocError{File: e.File, Err: fmt.Errorf("parse (layout %s): no result", lc.name)}
	}
	t.memo.freeze() // the passes share it from here on
	addMeasureGoals(pd, t.Year)
	pd.Doc = documentNode(e, t, data, lc.edition)
	ids, err := checkParsed(t, pd)
	if err != nil {
		return nil, err
	}
	if wg.Wait(); pagesErr != nil {
		return nil, &DocError{File: e.File, Err: pagesErr}
	}
	pd.Pages, pd.index = pages.pages(t, pd.slides), index
	for _, s := range pd.sources() {
		pd.cite(s)
	}
	return &loadedDoc{entry: e, t: t, pd: pd, layout: lc, ids: ids}, nil
}

// cite gives a source its slide page and citation.
func (pd *parsedDoc) cite(s *policygraph.Source) {
	s.Page, _ = pd.Pages.pageOf(s.LineStart)
	if pd.citer.Document() != pd.Doc {
		pd.citer = policygraph.NewCiter(pd.Doc)
	}
	pd.citer.Set(s)
}

// sources yields the id and provenance of every node of the document but
// the Document, in node order, for the passes that check or annotate it.
func (pd *parsedDoc) sources() iter.Seq2[string, *policygraph.Source] {
	return func(yield func(string, *policygraph.Source) bool) {
		for _, x := range pd.Pillars {
			if !yield(x.ID, &x.Source) {
				return
			}
		}
		for _, x := range pd.Groups {
			if !yield(x.ID, &x.Source) {
				return
			}
		}
		for _, x := range pd.Measures {
			if !yield(x.ID, &x.Source) {
				return
			}
		}
		for _, x := range pd.Targets {
			if !yield(x.ID, &x.Source) {
				return
			}
		}
		for _, x := range pd.Directions {
			if !yield(x.ID, &x.Source) {
				return
			}
		}
	}
}

// documentNode is the Document of a manifest entry: the manifest says what
// it is, the bytes give sha256 and lines.
func documentNode(e seed.Entry, t *docText, data string, ed *editionKnowledge) *policygraph.Document {
	year := e.Year
	if year == 0 && ed != nil {
		year = ed.Year
	}
	return &policygraph.Document{
		ID: e.ID, Title: e.Title, Edition: e.Edition, Year: year, Publisher: e.Publisher,
		SourceURL: e.Source, File: e.File, SHA256: sha256Hex(data), Lines: t.lineCount(),
	}
}

// checkParsed enforces the parser contract: some structure, unique ids,
// provenance inside the file, relationships between known nodes. It
// returns the document's node ids, sorted.
func checkParsed(t *docText, pd *parsedDoc) (idList, error) {
	if len(pd.Pillars) == 0 && len(pd.Measures) == 0 {
		return nil, &DocError{File: t.File, Err: errors.New("no recognisable structure: no pillars or measures found")}
	}
	n := t.lineCount()
	ids := newIDList(pd)
	// The ids that repeat, the Document's included, and whether a node
	// gave it before: the first node that repeats one is the error.
	var repeats map[string]bool
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			if repeats == nil {
				repeats = map[string]bool{}
			}
			repeats[ids[i]] = false
		}
	}
	if _, ok := repeats[pd.Doc.ID]; ok {
		repeats[pd.Doc.ID] = true
	}
	// The first node's error, in node order: the nodes before it passed,
	// so a repeat is of an id given before by a node that passed.
	check := func(id string, s *policygraph.Source) error {
		seen, repeated := repeats[id]
		switch {
		case id == "":
			return &DocError{File: t.File, Line: s.LineStart, Err: errors.New("node without id")}
		case seen:
			return &DocError{File: t.File, Line: s.LineStart, Err: fmt.Errorf("duplicate node id %s", id)}
		case s.LineStart < 1 || s.LineEnd < s.LineStart || s.LineEnd > n:
			return &DocError{File: t.File, Err: fmt.Errorf("node %s: lines %d-%d outside 1-%d", id, s.LineStart, s.LineEnd, n)}
		}
		if repeated {
			repeats[id] = true
		}
		return nil
	}
	for id, s := range pd.sources() {
		if err := check(id, s); err != nil {
			return nil, err
		}
	}
	known := newIDTable(ids)
	for _, r := range pd.Rels {
		if r == nil || !known.has(r.Start) || !known.has(r.End) {
			return nil, &DocError{File: t.File, Err: fmt.Errorf("relationship %v joins unknown nodes", r)}
		}
	}
	return ids, nil
}

// nodeCount is the number of nodes of the document, the Document included.
func (pd *parsedDoc) nodeCount() int {
	return 1 + len(pd.Pillars) + len(pd.Groups) + len(pd.Measures) + len(pd.Targets) + len(pd.Directions)
}

// nodeIDs yields the id of every node of the document, the Document first,
// in node order.
func nodeIDs(pd *parsedDoc) iter.Seq[string] {
	return func(yield func(string) bool) {
		if !yield(pd.Doc.ID) {
			return
		}
		for _, x := range pd.Pillars {
			if !yield(x.ID) {
				return
			}
		}
		for _, x := range pd.Groups {
			if !yield(x.ID) {
				return
			}
		}
		for _, x := range pd.Measures {
			if !yield(x.ID) {
				return
			}
		}
		for _, x := range pd.Targets {
			if !yield(x.ID) {
				return
			}
		}
		for _, x := range pd.Directions {
			if !yield(x.ID) {
				return
			}
		}
	}
}

// assemble runs the shared passes over the parsed documents (in year order)
// and fills g and the report.
func assemble(g *policygraph.Graph, rep *Report, m *matcher, docs []*loadedDoc) {
	// The relationships in the order the passes would have made them one
	// document after the other, joined once at the end into the graph's
	// list: appended as they came, the list grew by doubling and was then
	// copied into the graph's.
	var parts [][]*policygraph.Relationship
	res := &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}
	ores := &orgResult{orgs: map[string]*policygraph.Organisation{}}
	docAmounts := make([]int, len(docs))
	for i, d := range docs {
		pd, p := d.pd, d.passes
		g.Documents = append(g.Documents, pd.Doc)
		g.Pillars = append(g.Pillars, pd.Pillars...)
		g.Groups = append(g.Groups, pd.Groups...)
		g.Measures = append(g.Measures, pd.Measures...)
		g.Targets = append(g.Targets, pd.Targets...)
		g.Directions = append(g.Directions, pd.Directions...)
		parts = append(parts, pd.Rels)
		// The passes' results joined as the passes run one document after
		// the other would have left them.
		for id, l := range p.res.laws {
			if res.laws[id] == nil {
				res.laws[id] = l
			}
		}
		for id, f := range p.res.funds {
			if res.funds[id] == nil {
				res.funds[id] = f
			}
		}
		res.count += p.res.count
		for id, o := range p.ores.orgs {
			if ores.orgs[id] == nil {
				ores.orgs[id] = o
			}
		}
		ores.count += p.ores.count
		g.Amounts = append(g.Amounts, p.ares.amounts...)
		docAmounts[i] = len(p.ares.amounts)
		parts = append(parts, p.ares.rels)
		rep.LooseAmounts = append(rep.LooseAmounts, p.loose...)
		rep.Unresolved = append(rep.Unresolved, p.unresolved...)
		parts = append(parts, p.refs, p.restates)
	}
	for _, d := range docs {
		parts = append(parts, d.passes.res.rels)
	}
	for _, d := range docs {
		parts = append(parts, d.passes.ores.rels)
	}
	rep.Mentions = res.count
	rep.OrgMentions = ores.count
	// The line counts read only the parse: done on a goroutine of their
	// own while the passes below run.
	var aside sync.WaitGroup
	var asideErr error
	// Waited for on every return: a panic below must not leave it writing
	// the report's line counts while the caller reads them.
	defer aside.Wait()
	aside.Go(func() { asideErr = catchPanic(func() { countLines(docs, docAmounts) }) })
	links := docsLinks(m, docs)
	for _, l := range links {
		if l.err != nil {
			panic(l.err)
		}
		rep.Unresolved = append(rep.Unresolved, l.relistsUnresolved...)
		parts = append(parts, l.relists)
	}
	if aside.Wait(); asideErr != nil {
		panic(asideErr)
	}
	for i := 1; i < len(docs); i++ {
		rep.Unresolved = append(rep.Unresolved, links[i].crossUnresolved...)
		parts = append(parts, links[i].cross, links[i].revises)
	}

	for _, l := range res.laws {
		g.Laws = append(g.Laws, l)
	}
	for _, f := range res.funds {
		g.Funds = append(g.Funds, f)
	}
	sort.Slice(g.Laws, func(i, j int) bool { return g.Laws[i].ID < g.Laws[j].ID })
	sort.Slice(g.Funds, func(i, j int) bool { return g.Funds[i].ID < g.Funds[j].ID })
	for _, o := range ores.orgs {
		g.Organisations = append(g.Organisations, o)
	}
	sort.Slice(g.Organisations, func(i, j int) bool { return g.Organisations[i].ID < g.Organisations[j].ID })

	// One relationship per id (the first), sorted by id: a stable sort
	// keeps the first of equal ids ahead, so no set of the ids seen is
	// needed (a map of every id, 0.1 MB of a load).
	// A relationship without properties keeps a nil map (every reader
	// and store reads it as empty; the JSON export writes {}): an empty
	// map for each of the 1420 structural ones was 0.07 MB of a load.
	g.Relationships = slices.Concat(parts...) // nil for none, as the graph's list is then
	slices.SortStableFunc(g.Relationships, func(a, b *policygraph.Relationship) int { return strings.Compare(a.ID, b.ID) })
	g.Relationships = slices.CompactFunc(g.Relationships, func(a, b *policygraph.Relationship) bool { return a.ID == b.ID })

	cited := map[*loadedDoc]map[string]bool{}
	owners := newOwnerIndex(docs)
	for _, r := range g.Relationships {
		d := owners.of(r.Start)
		if d == nil {
			continue
		}
		d.rep.Rels[r.Type]++
		if r.Type == policygraph.RelCitesLaw || r.Type == policygraph.RelUsesFund || r.Type == policygraph.RelMentionsOrg {
			if cited[d] == nil {
				cited[d] = map[string]bool{}
			}
			if !cited[d][r.End] {
				cited[d][r.End] = true
				switch r.Type {
				case policygraph.RelCitesLaw:
					d.rep.Nodes[policygraph.LabelLaw]++
				case policygraph.RelUsesFund:
					d.rep.Nodes[policygraph.LabelFund]++
				default:
					d.rep.Nodes[policygraph.LabelOrganisation]++
				}
			}
		}
	}
}

// ownerIndex tells which document holds a node id, through the
// documents' sorted ids (a map of every id costs more bytes than all the
// lists) without asking every document: a node id names its document's
// year (yearScoped), so the one document of that year is asked, and only
// documents whose ids do not all name their year besides. A hundred
// editions' relationships are each looked up in one or two documents.
type ownerIndex struct {
	byDocID map[string]*loadedDoc
	byYear  map[string]*loadedDoc // nil where two documents share the year
	rest    []*loadedDoc          // those not yearScoped, or of a shared year
}

func newOwnerIndex(docs []*loadedDoc) ownerIndex {
	o := ownerIndex{byDocID: make(map[string]*loadedDoc, len(docs)), byYear: make(map[string]*loadedDoc, len(docs))}
	for _, d := range docs {
		o.byDocID[d.pd.Doc.ID] = d
		year := strconv.Itoa(d.t.Year)
		if _, shared := o.byYear[year]; shared || !d.yearScoped() {
			if other := o.byYear[year]; other != nil {
				o.rest = append(o.rest, other)
			}
			if shared {
				o.byYear[year] = nil
			}
			o.rest = append(o.rest, d)
			continue
		}
		o.byYear[year] = d
	}
	return o
}

// of returns the document that holds node id, nil if none does.
func (o ownerIndex) of(id string) *loadedDoc {
	if d := o.byDocID[id]; d != nil {
		return d
	}
	if _, rest, ok := strings.Cut(id, ":"); ok {
		year, _, _ := strings.Cut(rest, ":")
		if d := o.byYear[year]; d != nil && d.nodeIDSet().has(id) {
			return d
		}
	}
	for _, d := range o.rest {
		if d.nodeIDSet().has(id) {
			return d
		}
	}
	return nil
}

// docsLinks returns each document's links against the one before it:
// those loadDocuments made if they are against that document, else made
// now, several at once. The cross-edition links join consecutive editions
// only, so the passes are linear in the number of editions.
func docsLinks(m *matcher, docs []*loadedDoc) []*docLinks {
	links := make([]*docLinks, len(docs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, d := range docs {
		var prev *loadedDoc
		if i > 0 {
			prev = docs[i-1]
		}
		if d.links != nil && d.links.prev == prev {
			links[i] = d.links
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			var prevP *docPasses
			if prev != nil {
				prevP = prev.passes
			}
			links[i] = linkDoc(m, prev, d, prevP, d.passes)
		})
	}
	wg.Wait()
	return links
}

// countLines fills each document's report with its node counts and what
// became of its lines: in nodes, skipped, page furniture or unplaced.
func countLines(docs []*loadedDoc, docAmounts []int) {
	for i, d := range docs {
		dr, pd := d.rep, d.pd
		dr.Nodes[policygraph.LabelAmount] = docAmounts[i]
		dr.Nodes[policygraph.LabelDocument] = 1
		dr.Nodes[policygraph.LabelPillar] = len(pd.Pillars)
		dr.Nodes[policygraph.LabelMeasureGroup] = len(pd.Groups)
		dr.Nodes[policygraph.LabelMeasure] = len(pd.Measures)
		dr.Nodes[policygraph.LabelTarget] = len(pd.Targets)
		dr.Nodes[policygraph.LabelPolicyDirection] = len(pd.Directions)
		dr.Skipped, dr.Furniture = map[string]int{}, map[string]int{}
		for i, l := range d.t.normLines() {
			if l == "" {
				continue
			}
			switch tag := pd.Placed.at(i + 1); {
			case tag == "":
				dr.Unplaced = append(dr.Unplaced, Line{Line: i + 1, Text: strings.TrimSpace(d.t.raw(i))})
			case strings.HasPrefix(tag, "skipped:"):
				dr.Skipped[cmp.Or(strings.TrimPrefix(tag, "skipped:"), "unnamed")]++
			case strings.HasPrefix(tag, "furniture:"):
				dr.Furniture[cmp.Or(strings.TrimPrefix(tag, "furniture:"), "unnamed")]++
			default:
				dr.InNodes++
			}
		}
	}
}
