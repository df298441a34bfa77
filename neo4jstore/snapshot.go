package neo4jstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/policygraph/policygraph"
)

// fingerprintQuery reads the fingerprint every load records on each
// Document (see LoadGraph): any write of a document changes it.
const fingerprintQuery = "MATCH (d:PolicyNode:Document) RETURN d.id AS id, coalesce(d." + propFingerprint + ", '') AS fp ORDER BY id"

// Fingerprint returns a digest of what is loaded: the documents' ids and
// load fingerprints. It changes whenever a load writes anything, and is
// the cheap question a snapshot asks before it reads the whole graph again.
func (s *Store) Fingerprint(ctx context.Context) (string, error) {
	const op = "neo4jstore.Fingerprint"
	return readTx(ctx, s, op, readFingerprint)
}

// readFingerprint reads the documents' fingerprints in tx and digests them.
func readFingerprint(tx *txn) (string, error) {
	recs, err := tx.collect(fingerprintQuery, nil)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, r := range recs {
		id, err := get[string](r, "id")
		if err != nil {
			return "", err
		}
		fp, err := get[string](r, "fp")
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%s\x00", id, fp)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// errConcurrentLoad: a load committed while the graph was being read.
var errConcurrentLoad = errors.New("a load committed while the graph was read")

// ReadGraph reads the whole graph and its fingerprint in one read
// transaction, and again if a load committed meanwhile (checked by reading
// the fingerprint at the end too), so the graph is one state of the
// database, never half of a load. Nodes come back in label then id order,
// relationships in id order.
func (s *Store) ReadGraph(ctx context.Context) (*policygraph.Graph, string, error) {
	for range 3 {
		g, fp, err := s.readGraph(ctx)
		if !errors.Is(err, errConcurrentLoad) {
			return g, fp, err
		}
	}
	return nil, "", &policygraph.Error{Code: policygraph.EUNAVAILABLE, Op: "neo4jstore.ReadGraph",
		Message: "the graph changed during every read; retry later", Err: errConcurrentLoad}
}

func (s *Store) readGraph(ctx context.Context) (*policygraph.Graph, string, error) {
	const op = "neo4jstore.ReadGraph"
	type result struct {
		g  *policygraph.Graph
		fp string
	}
	res, err := readTx(ctx, s, op, func(tx *txn) (result, error) {
		fp, err := readFingerprint(tx)
		if err != nil {
			return result{}, err
		}
		recs, err := tx.collect("MATCH (n:PolicyNode) RETURN n ORDER BY n.id", nil)
		if err != nil {
			return result{}, err
		}
		g := &policygraph.Graph{}
		for _, r := range recs {
			e, err := nodeOf(r, "n")
			if err != nil {
				return result{}, err
			}
			g.Add(e)
		}
		recs, err = tx.collect("MATCH (a:PolicyNode)-[r]->(b:PolicyNode) RETURN r, a.id AS rs, b.id AS re", nil)
		if err != nil {
			return result{}, err
		}
		for _, r := range recs {
			rel, err := relOf(r, "r")
			if err != nil {
				return result{}, err
			}
			if validRelType(rel.Type) {
				g.Relationships = append(g.Relationships, rel)
			}
		}
		slices.SortFunc(g.Relationships, func(a, b *policygraph.Relationship) int { return cmp.Compare(a.ID, b.ID) })
		// Reads are read-committed: a load committing between the queries
		// above would mix two states. The fingerprint changes with any
		// load, so an unchanged one at the end means none did.
		end, err := readFingerprint(tx)
		if err != nil {
			return result{}, err
		}
		if end != fp {
			return result{}, errConcurrentLoad
		}
		return result{g, fp}, nil
	})
	return res.g, res.fp, err
}

// relOf reads a relationship column with its start and end ids (columns
// key+"s", key+"e").
func relOf(rec *neo4jdriver.Record, key string) (*policygraph.Relationship, error) {
	r, err := get[neo4jdriver.Relationship](rec, key)
	if err != nil {
		return nil, err
	}
	s, err := get[string](rec, key+"s")
	if err != nil {
		return nil, err
	}
	e, err := get[string](rec, key+"e")
	if err != nil {
		return nil, err
	}
	return relFromNeo4j(r, s, e), nil
}
