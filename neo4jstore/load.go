package neo4jstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/policygraph/policygraph"
)

// How a graph is loaded (LoadGraph)
//
// Ownership. Every node but Law, Fund and Organisation belongs to one
// document (its documentId; a Document node to itself) and carries it as
// pg_doc. Law, Fund and Organisation nodes are shared by all editions: they are MERGEd by id, updated in
// place, and pruned once no document of the graph has them. A relationship
// belongs to the document of its start node (to the document of its end
// node when it starts at a shared node).
//
// All or nothing. A load is one write transaction for the whole corpus:
// delete the previous subgraph of every document that changed or left the
// graph (DETACH DELETE of the nodes whose pg_doc is one of them, which also
// removes every relationship touching them), MERGE the shared nodes, CREATE
// the changed documents' nodes and relationships in UNWIND batches (one
// statement per step, labels and types given as data), MERGE the
// cross-document relationships that touch them, prune shared nodes no
// document has, and record each document's fingerprint. A failure anywhere,
// or the process dying, rolls the whole load back: the database keeps the
// previous corpus exactly, never a mix of two.
//
// Cross-document relationships (CONTINUES, EVOLVES_FROM: 2025 → 2023) are
// written whenever either document they touch is rewritten, with MATCH on
// both ends and MERGE on the relationship id, so a document reloaded alone
// restores the ones its DETACH DELETE removed.
//
// Unchanged documents are skipped: a document whose fingerprint (a hash of
// its nodes, the shared nodes it refers to and its relationships) equals the
// stored one is not rewritten. When nothing changed the load writes
// nothing. LoadOptions.Force rewrites every document.

// storageVersion names the layout of the stored nodes (labels, internal
// properties); it is part of every fingerprint, so changing it makes the
// next load rewrite every document.
const storageVersion = "neo4jstore/3"

// LoadOptions tune LoadGraph.
type LoadOptions struct {
	// Force rewrites documents whose fingerprint is unchanged.
	Force bool
}

// LoadResult says what LoadGraph did.
type LoadResult struct {
	Loaded  []string // document ids written
	Skipped []string // document ids unchanged
	Removed []string // document ids deleted (not in the graph any more)
	// RemovedShared are the Law/Fund/Organisation ids deleted because the graph no longer
	// has them.
	RemovedShared []string
	// Phases is where the time went, in order: reading the stored
	// fingerprints, each write step, and the commit.
	Phases []Phase
}

// Phase is one timed part of a load.
type Phase struct {
	Name     string
	Duration time.Duration
}

// docPart is the slice of the graph one document transaction writes.
type docPart struct {
	doc    *policygraph.Document
	nodes  []policygraph.Entity        // the Document node and the nodes it owns
	shared []policygraph.Entity        // Law/Fund/Organisation nodes its relationships touch
	rels   []*policygraph.Relationship // both ends in the document or shared
	out    []*policygraph.Relationship // to a node of another document
	in     []*policygraph.Relationship // from a node of another document
	fprint string
}

// LoadGraph writes g into the database (see the comment above for how).
func (s *Store) LoadGraph(ctx context.Context, g *policygraph.Graph, opts ...LoadOptions) (*LoadResult, error) {
	const op = "neo4jstore.LoadGraph"
	var opt LoadOptions
	for _, o := range opts {
		opt.Force = opt.Force || o.Force
	}
	parts, sharedNodes, sharedRels, err := partition(g)
	if err != nil {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: op, Message: "graph cannot be loaded", Err: err}
	}
	start := time.Now()
	type state struct {
		fprints map[string]string // document id → fingerprint
		empty   bool              // no policygraph node at all
	}
	st, err := readTx(ctx, s, op, func(tx *txn) (state, error) {
		recs, err := tx.collect("MATCH (n:PolicyNode) WITH count(n) AS total "+
			"OPTIONAL MATCH (d:PolicyNode:Document) RETURN total, d.id AS id, d."+propFingerprint+" AS fp", nil)
		if err != nil {
			return state{}, err
		}
		out := state{fprints: map[string]string{}, empty: true}
		for _, r := range recs {
			if total, _ := get[int64](r, "total"); total > 0 {
				out.empty = false
			}
			if id, _ := get[string](r, "id"); id != "" {
				fp, _ := get[string](r, "fp")
				out.fprints[id] = fp
			}
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	existing := st.fprints

	res := &LoadResult{Phases: []Phase{{"read fingerprints", time.Since(start)}}}
	keep := map[string]bool{}
	var changed []*docPart
	for _, p := range parts {
		keep[p.doc.ID] = true
		if fp, ok := existing[p.doc.ID]; ok && fp == p.fprint && !opt.Force {
			res.Skipped = append(res.Skipped, p.doc.ID)
			continue
		}
		changed = append(changed, p)
		res.Loaded = append(res.Loaded, p.doc.ID)
	}
	for id := range existing {
		if !keep[id] {
			res.Removed = append(res.Removed, id)
		}
	}
	sort.Strings(res.Removed)
	if len(changed) == 0 && len(res.Removed) == 0 {
		return res, nil // nothing to write
	}

	w, err := newCorpusWrite(changed, sharedNodes, sharedRels, res.Removed, st.empty)
	if err != nil {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: op, Message: "graph cannot be loaded", Err: err}
	}
	var b *batcher
	start = time.Now()
	pruned, err := writeTx(ctx, s, op, func(tx *txn) ([]string, error) {
		b = &batcher{s: s} // afresh for each attempt
		return w.run(tx, b)
	})
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	total := time.Since(start)
	for _, p := range b.phases {
		res.Phases = append(res.Phases, p)
		total -= p.Duration
	}
	res.Phases = append(res.Phases, Phase{"commit", total})
	res.RemovedShared = pruned
	return res, nil
}

// corpusWrite is the rows of one load transaction.
//
// Into an empty database (fresh) everything is new: the shared nodes are
// created with the others and every relationship in one CREATE step, and
// there is nothing to delete or prune, so the load is two statements. A
// new Neo4j plans each statement slowly at first while its JVM warms up,
// so fewer statements is what makes the first load fast.
type corpusWrite struct {
	fresh      bool
	deleteDocs []string         // documents whose previous subgraph goes
	shared     []map[string]any // {label, props} of every Law/Fund/Organisation
	keepShared []string
	nodes      []map[string]any // {label, props} of the changed documents' nodes
	owned      []map[string]any // {type, start, end, props}: CREATEd
	merged     []map[string]any // cross-document and shared: MERGEd by id
}

func newCorpusWrite(changed []*docPart, sharedNodes []policygraph.Entity, sharedRels []*policygraph.Relationship, removed []string, fresh bool) (*corpusWrite, error) {
	w := &corpusWrite{fresh: fresh, deleteDocs: slices.Clone(removed)}
	for _, e := range sharedNodes {
		props, err := nodeProps(e, "", 0)
		if err != nil {
			return nil, err
		}
		w.shared = append(w.shared, map[string]any{"label": e.Label(), "props": props})
		w.keepShared = append(w.keepShared, e.NodeID())
	}
	relRow := func(r *policygraph.Relationship) map[string]any {
		return map[string]any{"id": r.ID, "type": r.Type, "start": r.Start, "end": r.End, "props": relProps(r)}
	}
	seen := map[string]bool{}
	for _, r := range sharedRels {
		seen[r.ID] = true
		w.merged = append(w.merged, relRow(r))
	}
	for _, p := range changed {
		// Unless the database holds nothing, a changed document's previous
		// nodes go first, found by pg_doc: also when its Document node is
		// missing (deleted by hand), so such a database is repaired.
		if !fresh {
			w.deleteDocs = append(w.deleteDocs, p.doc.ID)
		}
		for _, e := range p.nodes {
			props, err := nodeProps(e, policygraph.DocumentOf(e), p.doc.Year)
			if err != nil {
				return nil, err
			}
			if e == policygraph.Entity(p.doc) {
				// The fingerprint is written with the node: the load is
				// one transaction, so it is never seen without the rest.
				props[propFingerprint] = p.fprint
			}
			w.nodes = append(w.nodes, map[string]any{"label": e.Label(), "props": props})
		}
		for _, r := range p.rels {
			w.owned = append(w.owned, relRow(r))
		}
		// A cross-document relationship of two changed documents is in the
		// out list of one and the in list of the other: written once.
		for _, r := range slices.Concat(p.out, p.in) {
			if !seen[r.ID] {
				seen[r.ID] = true
				w.merged = append(w.merged, relRow(r))
			}
		}
	}
	for _, rows := range [][]map[string]any{w.shared, w.nodes} {
		for _, row := range rows {
			if !validLabel(row["label"].(string)) {
				return nil, fmt.Errorf("bad label %q", row["label"])
			}
		}
	}
	for _, rows := range [][]map[string]any{w.owned, w.merged} {
		for _, row := range rows {
			if !validRelType(row["type"].(string)) {
				return nil, fmt.Errorf("bad relationship type %q", row["type"])
			}
		}
	}
	return w, nil
}

// The statements of a load. Labels and types are data ($(row.label)), so
// each step is one statement whatever the labels: few statements for the
// database to plan, the same ones every load. Every value was checked
// against the fixed label and type lists (newCorpusWrite).
const (
	stmtDelete = "UNWIND $docs AS doc MATCH (n:PolicyNode {" + propDoc + ": doc}) DETACH DELETE n"
	stmtShared = "UNWIND $rows AS row MERGE (n:PolicyNode:$(row.label) {id: row.props.id}) SET n = row.props"
	stmtNodes  = "UNWIND $rows AS row CREATE (n:PolicyNode:$(row.label)) SET n = row.props"
	stmtOwned  = "UNWIND $rows AS row MATCH (a:PolicyNode {id: row.start}) MATCH (b:PolicyNode {id: row.end}) " +
		"CREATE (a)-[r:$(row.type)]->(b) SET r = row.props RETURN count(r) AS n"
	stmtMerged = "UNWIND $rows AS row MATCH (a:PolicyNode {id: row.start}) MATCH (b:PolicyNode {id: row.end}) " +
		"MERGE (a)-[r:$(row.type) {id: row.id}]->(b) SET r = row.props"
	stmtPrune = "MATCH (n:PolicyNode) WHERE (n:Law OR n:Fund OR n:Organisation) AND NOT n.id IN $keep " +
		"WITH n, n.id AS id DETACH DELETE n RETURN id ORDER BY id"
)

// run writes the load in tx and returns the pruned shared node ids.
func (w *corpusWrite) run(tx *txn, b *batcher) ([]string, error) {
	docRows := make([]map[string]any, len(w.deleteDocs))
	for i, d := range w.deleteDocs {
		docRows[i] = map[string]any{"doc": d}
	}
	if err := b.each("delete", docRows, func(batch []map[string]any) error {
		docs := make([]string, len(batch))
		for i, r := range batch {
			docs[i] = r["doc"].(string)
		}
		return tx.exec(stmtDelete, map[string]any{"docs": docs})
	}); err != nil {
		return nil, err
	}
	shared, nodes, owned, merged := w.shared, w.nodes, w.owned, w.merged
	if w.fresh {
		shared, nodes = nil, slices.Concat(w.shared, w.nodes)
		owned, merged = slices.Concat(w.owned, w.merged), nil
	}
	for _, step := range []struct {
		name string
		stmt string
		rows []map[string]any
	}{
		{"merge shared", stmtShared, shared},
		{"create nodes", stmtNodes, nodes},
	} {
		if err := b.each(step.name, step.rows, func(batch []map[string]any) error {
			return tx.exec(step.stmt, map[string]any{"rows": batch})
		}); err != nil {
			return nil, err
		}
	}
	if err := b.each("create relationships", owned, func(batch []map[string]any) error {
		recs, err := tx.collect(stmtOwned, map[string]any{"rows": batch})
		if err != nil {
			return err
		}
		n := int64(0)
		if len(recs) == 1 {
			n, _ = get[int64](recs[0], "n")
		}
		if n != int64(len(batch)) {
			return fmt.Errorf("created %d of %d relationships: an end node is missing", n, len(batch))
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := b.each("merge relationships", merged, func(batch []map[string]any) error {
		return tx.exec(stmtMerged, map[string]any{"rows": batch})
	}); err != nil {
		return nil, err
	}
	var pruned []string
	if w.fresh {
		return nil, nil // nothing was there to prune
	}
	err := b.each("prune shared", []map[string]any{{}}, func([]map[string]any) error {
		recs, err := tx.collect(stmtPrune, map[string]any{"keep": w.keepShared})
		if err != nil {
			return err
		}
		for _, r := range recs {
			id, _ := get[string](r, "id")
			pruned = append(pruned, id)
		}
		return nil
	})
	return pruned, err
}

// partition splits g into document parts (ordered by year, then id), the
// shared nodes and the relationships among shared nodes, and checks that
// every relationship's ends are in g.
func partition(g *policygraph.Graph) ([]*docPart, []policygraph.Entity, []*policygraph.Relationship, error) {
	owner := map[string]string{} // node id → document id, "" for shared
	byID := map[string]policygraph.Entity{}
	parts := map[string]*docPart{}
	var order []*docPart
	for _, d := range g.Documents {
		if d.ID == "" {
			return nil, nil, nil, fmt.Errorf("a document has no id")
		}
		if _, dup := parts[d.ID]; dup {
			return nil, nil, nil, fmt.Errorf("document %s appears twice", d.ID)
		}
		p := &docPart{doc: d}
		parts[d.ID] = p
		order = append(order, p)
	}
	var shared []policygraph.Entity
	for _, e := range g.Entities() {
		id := e.NodeID()
		if id == "" {
			return nil, nil, nil, fmt.Errorf("a %s node has no id", e.Label())
		}
		if _, dup := byID[id]; dup {
			return nil, nil, nil, fmt.Errorf("node id %s appears twice", id)
		}
		byID[id] = e
		doc := policygraph.DocumentOf(e)
		owner[id] = doc
		if doc == "" {
			shared = append(shared, e)
			continue
		}
		p, ok := parts[doc]
		if !ok {
			return nil, nil, nil, fmt.Errorf("node %s belongs to document %q, which the graph does not have", id, doc)
		}
		p.nodes = append(p.nodes, e)
	}
	var sharedRels []*policygraph.Relationship
	seenRel := map[string]bool{}
	sharedSeen := map[string]map[string]bool{}
	addShared := func(p *docPart, id string) {
		if sharedSeen[p.doc.ID] == nil {
			sharedSeen[p.doc.ID] = map[string]bool{}
		}
		if !sharedSeen[p.doc.ID][id] {
			sharedSeen[p.doc.ID][id] = true
			p.shared = append(p.shared, byID[id])
		}
	}
	for _, r := range g.Relationships {
		if !validRelType(r.Type) {
			return nil, nil, nil, fmt.Errorf("relationship %s has unknown type %q", r.ID, r.Type)
		}
		if r.ID == "" || seenRel[r.ID] {
			return nil, nil, nil, fmt.Errorf("relationship id %q is empty or appears twice", r.ID)
		}
		seenRel[r.ID] = true
		so, ok1 := owner[r.Start]
		eo, ok2 := owner[r.End]
		if !ok1 || !ok2 {
			return nil, nil, nil, fmt.Errorf("relationship %s joins a node the graph does not have", r.ID)
		}
		switch {
		case so == "" && eo == "":
			sharedRels = append(sharedRels, r)
		case so == eo || eo == "":
			p := parts[so]
			p.rels = append(p.rels, r)
			if eo == "" {
				addShared(p, r.End)
			}
		case so == "":
			p := parts[eo]
			p.rels = append(p.rels, r)
			addShared(p, r.Start)
		default:
			parts[so].out = append(parts[so].out, r)
			parts[eo].in = append(parts[eo].in, r)
		}
	}
	slices.SortStableFunc(order, func(a, b *docPart) int {
		return cmp.Or(cmp.Compare(a.doc.Year, b.doc.Year), cmp.Compare(a.doc.ID, b.doc.ID))
	})
	for _, p := range order {
		fp, err := fingerprint(p)
		if err != nil {
			return nil, nil, nil, err
		}
		p.fprint = fp
	}
	return order, shared, sharedRels, nil
}

// fingerprint hashes what a document owns: its nodes and the relationships
// that start in it (incoming cross-document ones belong to the other
// document; shared nodes are written by the shared step of every load).
func fingerprint(p *docPart) (string, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	// A new storage layout (internal properties) must rewrite everything.
	if err := enc.Encode(storageVersion); err != nil {
		return "", err
	}
	// The shared nodes it refers to are part of it: a changed alias of a
	// law rewrites the documents citing it.
	for _, group := range [][]policygraph.Entity{p.nodes, p.shared} {
		for _, e := range group {
			props, err := nodeProps(e, policygraph.DocumentOf(e), p.doc.Year)
			if err != nil {
				return "", err
			}
			if err := enc.Encode([]any{e.Label(), props}); err != nil { // map keys are sorted
				return "", err
			}
		}
	}
	for _, group := range [][]*policygraph.Relationship{p.rels, p.out} {
		for _, r := range group {
			if err := enc.Encode([]any{r.Type, r.Start, r.End, relProps(r)}); err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// SetLoadHook installs h, run before each write batch of a load with the
// step's name and the batch's number in the transaction; an error from h
// fails the batch. For fault injection in tests (a failure, or the database
// killed, at a chosen point of a load); nil removes it.
func (s *Store) SetLoadHook(h func(step string, batch int) error) { s.batchHook = h }

// batcher cuts rows into batches, runs the test hook before each and
// times each step.
type batcher struct {
	s      *Store
	n      int // batches sent in the current transaction attempt
	phases []Phase
}

// each calls send for each batch of rows.
func (b *batcher) each(step string, rows []map[string]any, send func([]map[string]any) error) error {
	size := b.s.cfg.LoadBatchSize
	start := time.Now()
	defer func() { b.phases = append(b.phases, Phase{step, time.Since(start)}) }()
	for i := 0; i < len(rows); i += size {
		b.n++
		if h := b.s.batchHook; h != nil {
			if err := h(step, b.n); err != nil {
				return err
			}
		}
		if err := send(rows[i:min(i+size, len(rows))]); err != nil {
			return fmt.Errorf("%s: %w", step, err)
		}
	}
	return nil
}
