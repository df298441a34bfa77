package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSliceInOrder marshals the elements of a list one after another. The
// generated code calls it where gqlgen would call
// graphql.MarshalSliceConcurrently (scripts/gqlgen rewrites the call): the
// same signature and the same answer, a panic in one element recorded as that
// element's error and the list null, but no goroutine per element, because
// everything a list's elements resolve has been read by the planner and
// nothing waits. workerLimit has no meaning without goroutines.
func marshalSliceInOrder(
	ctx context.Context,
	length int,
	_ int64, // workerLimit
	omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler,
) graphql.Array {
	ret := make(graphql.Array, length)
	panicked := false
	for i := range length {
		childCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					panicked = true
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	if panicked {
		return nil
	}
	return ret
}
