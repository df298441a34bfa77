package loader

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDumpPlaced(t *testing.T) {
	dt, pd := parse2023File(t, seed2023)
	f, _ := os.Create("/tmp/placed23.txt")
	defer f.Close()
	for i := 1; i <= len(dt.Raw); i++ {
		if id, ok := pd.Placed[i]; ok {
			fmt.Fprintf(f, "%d\t%s\t%s\n", i, id, dt.Raw[i-1])
		}
	}
}
