package server_test

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/corpustest"
)

// seedStore is the in-memory store of the embedded seeds.
func seedStore(tb testing.TB) policygraph.Store {
	tb.Helper()
	_, s := corpustest.Store(tb)
	return s
}
