package loader

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNewDocTextValidity: a text is refused for invalid UTF-8 exactly
// when utf8.Valid refuses it, at the line and byte firstInvalidUTF8 gives,
// wherever the bad byte is: after runes NFKC keeps, after one it changes,
// on a line with space around it, before a CR, at the end; a U+FFFD as
// such is valid.
func TestNewDocTextValidity(t *testing.T) {
	texts := []string{
		"推進\n施策", "推進\xff\n施策", "\xff推進", "ＧＸ推進\xe3\x81\n", " 推進 \xc0\n", "推進\r\n\xe3\x81\r\n",
		"a\nb\nc\xff", "\ufffd推進", "推\xed\xa0\x80", "推\xe0\x80\xaf", "𠮷\xf0\x9f", "①\xff", "\ufeff推進\xff",
		"a\n\n\xff\n", "推進\u3000\xff", "x",
	}
	for _, s := range texts {
		_, err := newDocText("t.txt", 2023, "doc:2023", []byte(s))
		data := strings.TrimPrefix(s, "\ufeff")
		if utf8.ValidString(data) {
			if err != nil {
				t.Errorf("%q: %v, want no error", s, err)
			}
			continue
		}
		line, col := firstInvalidUTF8([]byte(data))
		var de *DocError
		if !errors.As(err, &de) || de.Line != line || !strings.Contains(err.Error(), fmt.Sprintf("invalid UTF-8 at byte %d of the line", col)) {
			t.Errorf("%q: %v, want invalid UTF-8 at line %d byte %d", s, err, line, col)
		}
	}
}
