package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalYen writes whole yen as a JSON string of decimal digits: the
// reports' sums reach 4×10^15, beyond GraphQL Int and near the 2^53 limit
// of JSON numbers in JavaScript.
func MarshalYen(v int64) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(strconv.FormatInt(v, 10)))
	})
}

// UnmarshalYen reads whole yen from a decimal string or an integer.
func UnmarshalYen(v any) (int64, error) {
	switch x := v.(type) {
	case string:
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("yen %q: not a whole number of yen", x)
		}
		return n, nil
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return 0, fmt.Errorf("yen %s: not a whole number of yen", x)
		}
		return n, nil
	case int:
		return int64(x), nil
	case int64:
		return x, nil
	}
	return 0, fmt.Errorf("yen: %T is not a string or integer", v)
}
