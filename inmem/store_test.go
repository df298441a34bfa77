package inmem_test

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

func open(t *testing.T, g *policygraph.Graph) policygraph.Store {
	t.Helper()
	s, err := inmem.New(g)
	if err != nil {
		t.Fatalf("inmem.New: %v", err)
	}
	return s
}

func TestContract(t *testing.T) { storetest.Run(t, open) }

func TestFixtureInvariants(t *testing.T) { storetest.RunCorpus(t, storetest.Fixture(), open) }
