package main

import (
	"context"
	"errors"
	"io"
)

// runServe is written in issue 3 (GraphQL server).
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("serve: not implemented yet")
}
