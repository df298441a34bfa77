package integration

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"
	tcneo4j "github.com/testcontainers/testcontainers-go/modules/neo4j"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
	"github.com/policygraph/policygraph/storetest"
)

// Env of the testcontainers tests.
const (
	envImage         = "POLICYGRAPH_NEO4J_IMAGE"    // image to run; default: see localImages
	envRequireDocker = "POLICYGRAPH_REQUIRE_DOCKER" // 1: no container engine is a failure
	containerPass    = "policygraph-test"
)

// localImages are the images tried, in order, when POLICYGRAPH_NEO4J_IMAGE
// is unset: the first one present on the engine runs. None is pulled: a
// pull reaches a registry, which a test must not do behind its user's back.
var localImages = []string{"policygraph/neo4j:5-local", "neo4j:5"}

// imagePresent reports whether the engine has the image (docker CLI).
func imagePresent(image string) bool {
	return exec.Command("docker", "image", "inspect", "--format", "{{.Id}}", image).Run() == nil
}

func TestMain(m *testing.M) {
	// Ryuk (the reaper container) needs an image from a registry; every
	// container here is removed by testcontainers.CleanupContainer instead.
	if os.Getenv("TESTCONTAINERS_RYUK_DISABLED") == "" {
		os.Setenv("TESTCONTAINERS_RYUK_DISABLED", "true")
	}
	// With /.dockerenv present testcontainers believes it runs inside a
	// container and reaches published ports through the bridge gateway; the
	// engine here publishes them on the loopback only.
	if _, err := os.Stat("/.dockerenv"); err == nil && os.Getenv("TESTCONTAINERS_HOST_OVERRIDE") == "" {
		os.Setenv("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1")
	}
	os.Exit(m.Run())
}

// startNeo4j starts a Neo4j container for the test and returns its
// connection; the container is removed when the test ends. Without a
// container engine the test skips, or fails under POLICYGRAPH_REQUIRE_DOCKER=1.
func startNeo4j(t *testing.T) neo4jstore.Config {
	t.Helper()
	if testing.Short() {
		t.Skip("container tests are skipped under -short")
	}
	require := os.Getenv(envRequireDocker) == "1"
	if require {
		provider, err := testcontainers.ProviderDocker.GetProvider()
		if err == nil {
			err = provider.Health(t.Context())
		}
		if err != nil {
			t.Fatalf("%s=1 but no container engine: %v", envRequireDocker, err)
		}
	} else {
		testcontainers.SkipIfProviderIsNotHealthy(t)
	}
	image := os.Getenv(envImage)
	for _, im := range localImages {
		if image == "" && imagePresent(im) {
			image = im
		}
	}
	if image == "" {
		msg := "no Neo4j image on the container engine (" + strings.Join(localImages, ", ") + "): build one with " +
			"scripts/neo4j-image.sh build, pull neo4j:5, or set " + envImage
		if require {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	ctr, err := tcneo4j.Run(ctx, image, tcneo4j.WithAdminPassword(containerPass))
	testcontainers.CleanupContainer(t, ctr)
	if err != nil {
		msg := "start neo4j container from image " + image + " (set " + envImage + " to a local image, " +
			"e.g. policygraph/neo4j:5-local from scripts/neo4j-image.sh): " + err.Error()
		if require {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	uri, err := ctr.BoltUrl(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("neo4j container %s at %s, started in %s", image, uri, time.Since(start).Round(time.Millisecond))
	return neo4jstore.Config{URI: uri, User: "neo4j", Password: containerPass, Database: "neo4j"}
}

// TestContainer runs the Cypher export, the Store contract suite (on the
// snapshot the server serves) and the end-to-end GraphQL test over a Neo4j
// in a container.
func TestContainer(t *testing.T) {
	cfg := startNeo4j(t)
	// First, while the container is still empty (no schema either): the
	// Cypher export must recreate the graph in an empty Neo4j.
	t.Run("CypherExport", func(t *testing.T) { checkCypherExport(t, cfg) })

	s := neo4jtest.OpenOwned(t, cfg)

	t.Run("Contract", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T, g *policygraph.Graph) policygraph.Store {
			if err := s.Wipe(t.Context()); err != nil {
				t.Fatal(err)
			}
			if _, err := s.LoadGraph(t.Context(), g); err != nil {
				t.Fatal(err)
			}
			return snapshotOf(t, s)
		})
	})

	t.Run("GraphQL", func(t *testing.T) {
		if err := s.Wipe(t.Context()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LoadGraph(t.Context(), corpus(t)); err != nil {
			t.Fatal(err)
		}
		checkNested(t, s, handler(inmemStore(t, corpus(t))))
	})
}
