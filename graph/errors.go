package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/policygraph/policygraph"
)

// GraphQL error codes (extensions.code).
const (
	CodeNotFound      = "NOT_FOUND"
	CodeBadUserInput  = "BAD_USER_INPUT"
	CodeLimitExceeded = "LIMIT_EXCEEDED"
	CodeInternal      = "INTERNAL"
	CodeUnavailable   = "UNAVAILABLE"
	// CodeTimeout: the request ran past the server's per-request timeout.
	CodeTimeout = "TIMEOUT"
)

// codes is THE table from application error codes to GraphQL
// extensions.code. Nothing else maps codes.
var codes = map[string]string{
	policygraph.EINVALID:     CodeBadUserInput,
	policygraph.ENOTFOUND:    CodeNotFound,
	policygraph.ELIMIT:       CodeLimitExceeded,
	policygraph.EUNAVAILABLE: CodeUnavailable,
	policygraph.EINTERNAL:    CodeInternal,
}

// gqlgenCodes renames the codes of gqlgen's own refusals into ours.
var gqlgenCodes = map[string]string{
	"COMPLEXITY_LIMIT_EXCEEDED": CodeLimitExceeded,
}

// Code maps an application error code to its GraphQL extensions.code.
func Code(appCode string) string {
	if c, ok := codes[appCode]; ok {
		return c
	}
	return CodeInternal
}

// LimitError is a refusal for exceeding a limit, as a GraphQL error.
func LimitError(format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": Code(policygraph.ELIMIT)},
	}
}

// ErrorPresenter turns any resolver error into a client-safe GraphQL error
// with extensions.code. Application errors show their Message; anything
// that fails once the request's deadline has passed is TIMEOUT (a store
// error then is the deadline's doing, whatever it says); errors gqlgen made itself (parse, validation, APQ, limits)
// keep their code; anything else is logged and shown as "internal error".
func ErrorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		base := graphql.DefaultErrorPresenter(ctx, err)
		out := &gqlerror.Error{Message: base.Message, Path: base.Path, Locations: base.Locations, Rule: base.Rule, Extensions: base.Extensions}
		var appErr *policygraph.Error
		switch {
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
			out.Message = "request timed out"
			out.Extensions = map[string]any{"code": CodeTimeout}
		case errors.Is(err, context.Canceled):
			out.Message = "request cancelled"
			out.Extensions = map[string]any{"code": CodeUnavailable}
		case errors.As(err, &appErr):
			out.Message = appErr.Message
			out.Extensions = map[string]any{"code": Code(appErr.Code)}
			if appErr.Code == policygraph.EINTERNAL || appErr.Code == policygraph.EUNAVAILABLE {
				logger.ErrorContext(ctx, "graphql resolver failed", "code", appErr.Code, "path", base.Path.String(), "err", err)
				if appErr.Code == policygraph.EINTERNAL {
					out.Message = "internal error"
				}
			}
		case base.Unwrap() == nil:
			// Made by gqlgen or by our extensions: the message is safe.
			out.Message = operationMessage(withVariable(base))
			c, _ := base.Extensions["code"].(string)
			switch {
			case gqlgenCodes[c] != "":
				out.Extensions = map[string]any{"code": gqlgenCodes[c]}
			case c == "":
				// gqlgen's refusals of a request (a bad APQ extension …)
				// come without a code: they are about the request.
				out.Extensions = map[string]any{"code": CodeBadUserInput}
			}
		default:
			logger.ErrorContext(ctx, "graphql resolver failed", "path", base.Path.String(), "err", err)
			out.Message = "internal error"
			out.Extensions = map[string]any{"code": CodeInternal}
		}
		return out
	}
}

// withVariable is the message of a validation error about a request's
// variable with the variable named: gqlparser says only "must be defined"
// with the path ["variable", "id"], which a client reads as an error in
// its query text. Other messages are kept.
func withVariable(e *gqlerror.Error) string {
	if len(e.Path) < 2 || e.Path[0] != ast.PathName("variable") {
		return e.Message
	}
	var b strings.Builder
	b.WriteString("variable $")
	for i, p := range e.Path[1:] {
		switch p := p.(type) {
		case ast.PathName:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(p))
		case ast.PathIndex:
			fmt.Fprintf(&b, "[%d]", int(p))
		}
	}
	if e.Message == "must be defined" {
		b.WriteString(" must be given a value: the query declares it non-null")
		return b.String()
	}
	return b.String() + ": " + e.Message
}

// operationMessage rewords gqlgen's refusal of an operation name it cannot
// find, "operation %s not found": with no operationName (a document of
// several operations) the name is empty and the message read "operation  not
// found"; it now says to name one. An unknown name is quoted. A GraphQL name
// holds no space, so the message cannot be another's. Other messages are kept.
func operationMessage(msg string) string {
	name, ok := strings.CutPrefix(msg, "operation ")
	if !ok {
		return msg
	}
	if name, ok = strings.CutSuffix(name, " not found"); !ok || strings.Contains(name, " ") {
		return msg
	}
	if name == "" {
		return "the document holds several operations: say which to run in operationName"
	}
	return fmt.Sprintf("operation %q not found in the document", name)
}

// RecoverFunc turns a resolver panic into an internal error, logging the
// panic and its stack.
func RecoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "graphql resolver panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return &policygraph.Error{Code: policygraph.EINTERNAL, Message: "internal error", Op: "graphql", Err: fmt.Errorf("panic: %v", p)}
	}
}

func invalid(format string, args ...any) error {
	return policygraph.Errorf(policygraph.EINVALID, format, args...)
}

func limit(format string, args ...any) error {
	return policygraph.Errorf(policygraph.ELIMIT, format, args...)
}

func notFound(format string, args ...any) error {
	return policygraph.Errorf(policygraph.ENOTFOUND, format, args...)
}
