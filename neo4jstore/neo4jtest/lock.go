//go:build unix

package neo4jtest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/policygraph/policygraph/neo4jstore"
)

var (
	lockMu sync.Mutex
	locks  = map[string]*os.File{} // held until the process exits
)

// lockDatabase serialises the test processes that use one database.
func lockDatabase(t testing.TB, cfg neo4jstore.Config) {
	t.Helper()
	sum := sha256.Sum256([]byte(cfg.URI + "\x00" + cfg.Database))
	key := hex.EncodeToString(sum[:8])
	lockMu.Lock()
	defer lockMu.Unlock()
	if locks[key] != nil {
		return
	}
	path := filepath.Join(os.TempDir(), "policygraph-neo4j-test-"+key+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatalf("neo4j test lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("neo4j test lock %s: %v", path, err)
	}
	locks[key] = f
}
