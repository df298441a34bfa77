package inmem_test

import (
	"testing"

	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
	"github.com/policygraph/policygraph/storetest"
)

// TestCorpus checks the cross-store invariants on the real seed corpus.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole seed corpus")
	}
	g, _, err := loader.LoadFS(seed.FS())
	if err != nil {
		t.Fatalf("loader.LoadFS: %v", err)
	}
	storetest.RunCorpus(t, g, open)
}
