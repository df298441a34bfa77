package main

import (
	"context"
	"errors"
	"io"
)

// runExport is written in issue 2 (loader).
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("export: not implemented yet")
}
