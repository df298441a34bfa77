package graph

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

func TestMarshalSliceInOrder(t *testing.T) {
	tests := []struct {
		name       string
		n          int
		panicAt    int    // -1: none
		wantJSON   string // "" when the list must be nil
		wantErrors int
	}{
		{name: "empty", n: 0, panicAt: -1, wantJSON: "[]"},
		{name: "one", n: 1, panicAt: -1, wantJSON: "[0]"},
		{name: "in order", n: 4, panicAt: -1, wantJSON: "[0,1,2,3]"},
		{name: "a panic nulls the list and is an error", n: 3, panicAt: 1, wantErrors: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter,
				func(_ context.Context, r any) error { return fmt.Errorf("panic: %v", r) })
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{})
			var indexes []int
			got := marshalSliceInOrder(ctx, tt.n, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
				indexes = append(indexes, *graphql.GetFieldContext(ctx).Index)
				if i == tt.panicAt {
					panic("boom")
				}
				return graphql.MarshalInt(i)
			})
			for i, idx := range indexes {
				if idx != i {
					t.Fatalf("element %d ran with field index %d, or out of order: %v", i, idx, indexes)
				}
			}
			if errs := graphql.GetErrors(ctx); len(errs) != tt.wantErrors {
				t.Fatalf("errors = %v, want %d", errs, tt.wantErrors)
			}
			if tt.wantJSON == "" {
				if got != nil {
					t.Fatalf("list = %v, want nil", got)
				}
				return
			}
			var buf bytes.Buffer
			got.MarshalGQL(&buf)
			if buf.String() != tt.wantJSON {
				t.Fatalf("list = %s, want %s", buf.String(), tt.wantJSON)
			}
		})
	}
}
