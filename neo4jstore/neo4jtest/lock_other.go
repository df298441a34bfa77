//go:build !unix

package neo4jtest

import (
	"testing"

	"github.com/policygraph/policygraph/neo4jstore"
)

// lockDatabase is a no-op where flock is missing: run one package at a
// time there (go test -p 1).
func lockDatabase(t testing.TB, cfg neo4jstore.Config) {}
