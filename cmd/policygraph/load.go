package main

import (
	"context"
	"errors"
	"io"
)

// runLoad is written in issue 2 (report) and issue 4 (Neo4j).
func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("load: not implemented yet")
}
