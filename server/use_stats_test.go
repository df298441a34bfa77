package server_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph/internal/corpustest"
	"github.com/policygraph/policygraph/storetest"
)

// TestUseStatsOnCorpus holds the statistics the query cost charges a use's
// mentions and a node's pillars with to the slow, obvious count, on the
// real corpus (the storetest contract checks them on the fixture).
func TestUseStatsOnCorpus(t *testing.T) {
	g := corpustest.Graph(t)
	st, err := seedStore(t).Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(storetest.UseMentionsOf(g), st.UseMentions); d != "" {
		t.Errorf("UseMentions (-slow +store):\n%s", d)
	}
	if d := cmp.Diff(storetest.UsePillarsOf(g), st.UsePillars); d != "" {
		t.Errorf("UsePillars (-slow +store):\n%s", d)
	}
}
