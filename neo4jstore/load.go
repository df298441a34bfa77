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

	"github.com/policygraph/policygraph"
)

// How a graph is loaded (LoadGraph)
//
// Ownership. Every node but Law and Fund belongs to one document (its
// documentId; a Document node to itself) and carries it as pg_doc. Law and
// Fund nodes are shared by all editions: they are MERGEd by id, updated in
// place, never deleted by the load of a document, and pruned at the end of
// LoadGraph once no document of the graph has them. A relationship belongs to the document
// of its start node (to the document of its end node when it starts at a
// shared node).
//
// One transaction per document. Loading a document is one write transaction:
// delete the document's previous subgraph (DETACH DELETE of the nodes whose
// pg_doc is the document, which also removes every relationship touching
// them), MERGE the shared nodes it refers to, CREATE its nodes and its
// relationships in UNWIND batches, then MERGE its cross-document
// relationships, and record a fingerprint of what it loaded on the Document
// node. A failure anywhere rolls the whole document back: the database keeps
// the previous version of that document, never a part of the new one.
//
// Cross-document relationships (CONTINUES, EVOLVES_FROM: 2025 → 2023) are
// written by the transactions of BOTH documents they touch, with MATCH on
// both ends and MERGE on the relationship id: whichever document loads
// second creates them (MATCH finds nothing while the other side is absent),
// and a document reloaded later restores the ones its DETACH DELETE removed.
// So the result does not depend on the load order (documents are loaded by
// year anyway), and reloading is idempotent.
//
// Unchanged documents are skipped: a document whose fingerprint (a hash of
// its nodes and relationships, shared nodes included) equals the stored one
// is not rewritten, so a changed document replaces only its own subgraph.
// LoadOptions.Force rewrites every document. Documents in the database that
// the graph no longer has are deleted (their own transaction each).
//
// Shared nodes first. One transaction MERGEs every Law and Fund of the graph
// (and relationships between shared nodes, if any) before the documents.

// storageVersion names the layout of the stored nodes (labels, internal
// properties); it is part of every fingerprint, so changing it makes the
// next load rewrite every document.
const storageVersion = "neo4jstore/1"

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
	// RemovedShared are the Law/Fund ids deleted because the graph no longer
	// has them.
	RemovedShared []string
}

// docPart is the slice of the graph one document transaction writes.
type docPart struct {
	doc    *policygraph.Document
	nodes  []policygraph.Entity        // the Document node and the nodes it owns
	shared []policygraph.Entity        // Law/Fund nodes its relationships touch
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
	existing, err := readTx(ctx, s, op, func(tx *txn) (map[string]string, error) {
		recs, err := tx.collect("MATCH (d:PolicyNode:Document) RETURN d.id AS id, d."+propFingerprint+" AS fp", nil)
		if err != nil {
			return nil, err
		}
		out := map[string]string{}
		for _, r := range recs {
			id, _ := get[string](r, "id")
			fp, _ := get[string](r, "fp")
			out[id] = fp
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	res := &LoadResult{}
	b := &batcher{s: s}

	// Shared nodes first, in their own transaction.
	if _, err := writeTx(ctx, s, op, func(tx *txn) (struct{}, error) {
		b.reset()
		if err := s.mergeShared(tx, b, sharedNodes); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, s.writeRels(tx, b, sharedRels, true)
	}); err != nil {
		return nil, err
	}

	// Documents gone from the graph.
	keep := map[string]bool{}
	for _, p := range parts {
		keep[p.doc.ID] = true
	}
	var gone []string
	for id := range existing {
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	sort.Strings(gone)
	for _, id := range gone {
		if _, err := writeTx(ctx, s, op, func(tx *txn) (struct{}, error) {
			b.reset()
			return struct{}{}, s.deleteDocument(tx, b, id)
		}); err != nil {
			return nil, err
		}
		res.Removed = append(res.Removed, id)
	}

	for _, p := range parts {
		if fp, ok := existing[p.doc.ID]; ok && fp == p.fprint && !opt.Force {
			res.Skipped = append(res.Skipped, p.doc.ID)
			continue
		}
		if _, err := writeTx(ctx, s, op, func(tx *txn) (struct{}, error) {
			b.reset()
			return struct{}{}, s.writeDocument(tx, b, p)
		}); err != nil {
			return res, fmt.Errorf("load %s: %w", p.doc.ID, err)
		}
		res.Loaded = append(res.Loaded, p.doc.ID)
	}

	// Shared nodes that no document of the graph mentions any more go last,
	// once every document is in place, so both stores answer Laws/Funds
	// alike. (A shared node still in the graph is never deleted.)
	keepShared := make([]string, 0, len(sharedNodes))
	for _, e := range sharedNodes {
		keepShared = append(keepShared, e.NodeID())
	}
	pruned, err := writeTx(ctx, s, op, func(tx *txn) ([]string, error) {
		recs, err := tx.collect("MATCH (n:PolicyNode) WHERE (n:Law OR n:Fund) AND NOT n.id IN $keep "+
			"WITH n, n.id AS id DETACH DELETE n RETURN id ORDER BY id", map[string]any{"keep": keepShared})
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, r := range recs {
			id, _ := get[string](r, "id")
			ids = append(ids, id)
		}
		return ids, nil
	})
	if err != nil {
		return res, err
	}
	res.RemovedShared = pruned
	return res, nil
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
	for _, group := range [][]policygraph.Entity{p.nodes} {
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

// batcher cuts rows into batches and runs the test hook before each.
type batcher struct {
	s *Store
	n int // batches sent in the current transaction attempt
}

func (b *batcher) reset() { b.n = 0 }

// each calls send for each batch of rows.
func (b *batcher) each(step string, rows []map[string]any, send func([]map[string]any) error) error {
	size := b.s.cfg.LoadBatchSize
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

// deleteDocument removes a document's nodes and every relationship touching
// them. Shared nodes are not the document's and survive.
func (s *Store) deleteDocument(tx *txn, b *batcher, docID string) error {
	return b.each("delete "+docID, []map[string]any{{"doc": docID}}, func([]map[string]any) error {
		return tx.exec("MATCH (n:PolicyNode {"+propDoc+": $doc}) DETACH DELETE n", map[string]any{"doc": docID})
	})
}

// byLabel groups node rows per label, in policygraph.Labels order.
func byLabel(nodes []policygraph.Entity, year int) (map[string][]map[string]any, error) {
	out := map[string][]map[string]any{}
	for _, e := range nodes {
		props, err := nodeProps(e, policygraph.DocumentOf(e), year)
		if err != nil {
			return nil, err
		}
		out[e.Label()] = append(out[e.Label()], props)
	}
	return out, nil
}

// mergeShared MERGEs Law/Fund nodes by id and sets their properties.
func (s *Store) mergeShared(tx *txn, b *batcher, nodes []policygraph.Entity) error {
	rows, err := byLabel(nodes, 0)
	if err != nil {
		return err
	}
	for _, label := range policygraph.Labels {
		if len(rows[label]) == 0 {
			continue
		}
		if !validLabel(label) {
			return fmt.Errorf("bad label %q", label)
		}
		q := "UNWIND $rows AS row MERGE (n:PolicyNode:" + label + " {id: row.id}) SET n = row"
		if err := b.each("merge "+label, rows[label], func(batch []map[string]any) error {
			return tx.exec(q, map[string]any{"rows": batch})
		}); err != nil {
			return err
		}
	}
	return nil
}

// writeDocument is the body of one document's transaction.
func (s *Store) writeDocument(tx *txn, b *batcher, p *docPart) error {
	if err := s.deleteDocument(tx, b, p.doc.ID); err != nil {
		return err
	}
	if err := s.mergeShared(tx, b, p.shared); err != nil {
		return err
	}
	rows, err := byLabel(p.nodes, p.doc.Year)
	if err != nil {
		return err
	}
	for _, label := range policygraph.Labels {
		if len(rows[label]) == 0 {
			continue
		}
		if !validLabel(label) {
			return fmt.Errorf("bad label %q", label)
		}
		q := "UNWIND $rows AS row CREATE (n:PolicyNode:" + label + ") SET n = row"
		if err := b.each("create "+label, rows[label], func(batch []map[string]any) error {
			return tx.exec(q, map[string]any{"rows": batch})
		}); err != nil {
			return err
		}
	}
	if err := s.writeRels(tx, b, p.rels, false); err != nil {
		return err
	}
	if err := s.writeRels(tx, b, append(slices.Clone(p.out), p.in...), true); err != nil {
		return err
	}
	return b.each("fingerprint "+p.doc.ID, []map[string]any{{}}, func([]map[string]any) error {
		return tx.exec("MATCH (d:PolicyNode:Document {id: $id}) SET d."+propFingerprint+" = $fp",
			map[string]any{"id": p.doc.ID, "fp": p.fprint})
	})
}

// writeRels writes relationships per type. Owned relationships are CREATEd
// and every one must find both ends; merged ones (cross-document, shared)
// are MERGEd by id when both ends exist and skipped otherwise.
func (s *Store) writeRels(tx *txn, b *batcher, rels []*policygraph.Relationship, merge bool) error {
	rows := map[string][]map[string]any{}
	for _, r := range rels {
		rows[r.Type] = append(rows[r.Type], map[string]any{"id": r.ID, "start": r.Start, "end": r.End, "props": relProps(r)})
	}
	for _, typ := range policygraph.RelTypes {
		if len(rows[typ]) == 0 {
			continue
		}
		if !validRelType(typ) {
			return fmt.Errorf("bad relationship type %q", typ)
		}
		var q string
		if merge {
			q = "UNWIND $rows AS row MATCH (a:PolicyNode {id: row.start}) MATCH (b:PolicyNode {id: row.end}) " +
				"MERGE (a)-[r:" + typ + " {id: row.id}]->(b) SET r = row.props RETURN count(r) AS n"
		} else {
			q = "UNWIND $rows AS row MATCH (a:PolicyNode {id: row.start}) MATCH (b:PolicyNode {id: row.end}) " +
				"CREATE (a)-[r:" + typ + "]->(b) SET r = row.props RETURN count(r) AS n"
		}
		if err := b.each("relate "+typ, rows[typ], func(batch []map[string]any) error {
			recs, err := tx.collect(q, map[string]any{"rows": batch})
			if err != nil {
				return err
			}
			if merge {
				return nil
			}
			n := int64(0)
			if len(recs) == 1 {
				n, _ = get[int64](recs[0], "n")
			}
			if n != int64(len(batch)) {
				return fmt.Errorf("created %d of %d %s relationships: an end node is missing", n, len(batch), typ)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}
