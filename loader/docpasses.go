package loader

import (
	"cmp"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"sync"

	"github.com/policygraph/policygraph"
)

// docPasses is what the shared passes find in one document alone (its
// nodes in line order, laws, funds, organisations, amounts, the similarity
// items, REFERS_TO and RESTATES). It needs nothing of the other documents,
// so each document's is computed as soon as it is parsed, while the others
// parse; assemble joins them in document order, so the graph and report
// are those of one pass after the other.
type docPasses struct {
	res      *mentionResult
	ores     *orgResult
	ares     *amountResult
	items    []*simItem
	refs     []*policygraph.Relationship
	restates []*policygraph.Relationship
	// evolveIn is what EVOLVES_FROM reads of the document's own links
	// (HAS_MEASURE, SUMMARIZES, the copies' RELISTS, REFERS_TO), read per
	// document: a pair of documents reads the later one's parents and
	// copies and the earlier one's pointers and summaries, by the ids of
	// its own document, so it needs no uniqueness across documents (a
	// pair linked before an id clash is found is thrown away).
	evolveIn evolveInputs
	// unresolved are the document's report entries in the order the passes
	// found them.
	unresolved []Unresolved
	loose      []LooseAmount
	err        error // a panic of the passes, as *PanicError
}

// runDocPasses runs the per-document passes over a parsed document, the
// name passes (laws, funds, organisations, amounts) on a goroutine of their
// own while this one builds the similarity items and REFERS_TO: they read
// the document and write only their own results. A panic (a bug) is kept
// in the result's err instead of crashing the load.
func runDocPasses(m *matcher, d *loadedDoc) *docPasses { return runDocPassesThen(m, d, nil) }

// runDocPassesThen is runDocPasses that calls itemsDone, unless nil, once
// the items, REFERS_TO and evolveIn are made (without a panic), while the
// name passes may still run: what reads only those need not wait for
// them.
func runDocPassesThen(m *matcher, d *loadedDoc, itemsDone func(*docPasses)) *docPasses {
	// The passes run on several goroutines and only read the memo: frozen
	// here too, whoever made the docText (the grammar freezes it after a
	// parse; a docText built otherwise would be written concurrently).
	d.t.memo.freeze()
	p := &docPasses{}
	pd := d.pd
	if p.err = catchPanic(func() { sortNodes(pd) }); p.err != nil {
		return p
	}
	var wg sync.WaitGroup
	var namesErr error
	wg.Go(func() { namesErr = catchPanic(func() { p.names(m, d) }) })
	var rep Report // collects the unresolved entries in order
	p.err = catchPanic(func() {
		unsummarized(d, pd.Rels, &rep)
		p.items = docSimItems(d.t, pd, m.terms)
		rep.Unresolved = append(rep.Unresolved, pd.Unresolved...)
		p.refs = linkRefs(d, &rep)
		p.evolveIn = newEvolveInputs(nil, slices.Concat(pd.Rels, p.refs))
	})
	if p.err == nil && itemsDone != nil {
		itemsDone(p)
	}
	if p.err == nil {
		p.err = catchPanic(func() {
			p.restates = linkRestates(pd.Targets)
			p.unresolved = rep.Unresolved
		})
	}
	wg.Wait()
	p.err = cmp.Or(namesErr, p.err)
	return p
}

// names finds the laws, funds, organisations and amounts of a document.
func (p *docPasses) names(m *matcher, d *loadedDoc) {
	pd := d.pd
	x := pd.index
	if x == nil { // a parsedDoc built by hand
		x = newDocIndex(d.t)
	}
	p.res = &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}
	p.ores = &orgResult{orgs: map[string]*policygraph.Organisation{}}
	findNames(m, x, pd, p.res, p.ores)
	p.ares = &amountResult{}
	attachAmounts(m, x, pd, p.res, p.ares)
	for _, a := range p.ares.amounts {
		pd.cite(&a.Source) // amounts come after the parse: cited here
	}
	for _, a := range p.ares.loose {
		p.loose = append(p.loose, LooseAmount{File: d.t.File, Line: a.LineStart, ID: a.ID, Surface: a.Surface})
	}
}

// catchPanic runs f and returns its panic, if any, as a *PanicError.
func catchPanic(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: string(debug.Stack())}
		}
	}()
	f()
	return nil
}

// sortNodes puts each kind of node of a document in line order (then id).
func sortNodes(pd *parsedDoc) {
	byLine := func(a, b policygraph.Source, ida, idb string) bool {
		if a.LineStart != b.LineStart {
			return a.LineStart < b.LineStart
		}
		return ida < idb
	}
	sort.SliceStable(pd.Pillars, func(i, j int) bool {
		return byLine(pd.Pillars[i].Source, pd.Pillars[j].Source, pd.Pillars[i].ID, pd.Pillars[j].ID)
	})
	sort.SliceStable(pd.Groups, func(i, j int) bool {
		return byLine(pd.Groups[i].Source, pd.Groups[j].Source, pd.Groups[i].ID, pd.Groups[j].ID)
	})
	sort.SliceStable(pd.Measures, func(i, j int) bool {
		return byLine(pd.Measures[i].Source, pd.Measures[j].Source, pd.Measures[i].ID, pd.Measures[j].ID)
	})
	sort.SliceStable(pd.Targets, func(i, j int) bool {
		return byLine(pd.Targets[i].Source, pd.Targets[j].Source, pd.Targets[i].ID, pd.Targets[j].ID)
	})
	sort.SliceStable(pd.Directions, func(i, j int) bool {
		return byLine(pd.Directions[i].Source, pd.Directions[j].Source, pd.Directions[i].ID, pd.Directions[j].ID)
	})
}

// passesErr is the first panic of the documents' passes, as the error of
// the shared passes.
func passesErr(docs []*loadedDoc) error {
	for _, d := range docs {
		if d.passes != nil && d.passes.err != nil {
			return fmt.Errorf("load: shared passes on %s: %w", d.t.File, d.passes.err)
		}
	}
	return nil
}
