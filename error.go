package policygraph

import (
	"errors"
	"fmt"
)

// Application error codes. Transports map them to their own vocabulary in
// one table each (GraphQL extensions.code, HTTP status).
const (
	EINVALID     = "invalid"        // bad argument from the caller
	ENOTFOUND    = "not_found"      // no node with that id
	ELIMIT       = "limit_exceeded" // request is larger than allowed
	EUNAVAILABLE = "unavailable"    // backing database unreachable; retry later
	EINTERNAL    = "internal"       // a bug or an unexpected failure
)

// Error is the application error. Message is safe to show to a client; Err is
// the underlying cause, for logs only.
type Error struct {
	Code    string
	Message string
	Op      string // the method that failed, e.g. "inmem.Measures"
	Err     error
}

func (e *Error) Error() string {
	s := e.Message
	if e.Op != "" {
		s = e.Op + ": " + s
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a client-safe formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err. Errors that are not
// *Error never leak their text.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
