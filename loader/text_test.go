package loader

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph/internal/nfkc"
)

func TestNewDocText(t *testing.T) {
	txt, err := newDocText("a.txt", 2023, "doc:2023", []byte("\ufeff ＧＸ推進法 \r\n\r\n  ２行目\u3000\nlast"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{" ＧＸ推進法 ", "", "  ２行目\u3000", "last"}, txt.rawSlice()); diff != "" {
		t.Errorf("Raw (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"GX推進法", "", "2行目", "last"}, txt.normSlice()); diff != "" {
		t.Errorf("Norm (-want +got):\n%s", diff)
	}
	if txt.File != "a.txt" || txt.Year != 2023 || txt.DocID != "doc:2023" {
		t.Errorf("header = %+v", txt)
	}
	// A final newline does not open a line; a missing one loses nothing.
	a, _ := newDocText("a", 0, "", []byte("x\ny\n"))
	b, _ := newDocText("a", 0, "", []byte("x\ny"))
	if len(a.rawSlice()) != 2 || len(b.rawSlice()) != 2 {
		t.Errorf("lines = %d, %d", len(a.rawSlice()), len(b.rawSlice()))
	}
}

// TestFillNormOneBuffer: the lines' NFKC forms, written into one text,
// are each line's own: a combining mark opening a line does not compose
// with the line before, and lines NFKC lengthens (㍻, ﷺ) do not change
// the lines written before them.
func TestFillNormOneBuffer(t *testing.T) {
	for _, raw := range [][]string{
		{"ｶ", "\u3099ら", "（１）", "ｶ", "\u3099"},
		{"㍻３０年", " ﷺﷺﷺﷺ ", "ＧＸ", "\u3000", "平成"},
		{"", "\u3000\u3000", "①"},
	} {
		txt := handText(raw...)
		for i, l := range raw {
			if want := strings.TrimSpace(nfkc.String(l)); txt.normSlice()[i] != want {
				t.Errorf("%q: Norm[%d] = %q, want %q", raw, i, txt.normSlice()[i], want)
			}
		}
	}
}

// TestJoined: a quote of lines is the raw lines joined by "\n", whether
// it is a span of the text (LF) or built anew (a CR inside it).
func TestJoined(t *testing.T) {
	lf, err := newDocTextString("a.txt", 2023, "doc:2023", "\ufeff一行目\n\n三行目\nlast\n")
	if err != nil {
		t.Fatal(err)
	}
	crlf, err := newDocTextString("b.txt", 2023, "doc:2023", "一行目\r\n\r\n三行目\r\nlast")
	if err != nil {
		t.Fatal(err)
	}
	byHand := handText("一行目", "", "三行目", "last")
	for _, d := range []*docText{lf, crlf, byHand} {
		for from := 1; from <= 4; from++ {
			for to := from - 1; to <= 4; to++ {
				if got, want := d.joined(from, to), strings.Join(d.rawSlice()[from-1:max(to, from-1)], "\n"); got != want {
					t.Errorf("%s: joined(%d, %d) = %q, want %q", d.File, from, to, got, want)
				}
			}
		}
	}
}

func TestNewDocTextErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		line int
		want string
	}{
		{"empty", nil, 0, "empty document"},
		{"blank", []byte(" \n\t\n"), 0, "empty document"},
		{"binary", []byte("text\nmore\x00bin"), 2, "binary data"},
		{"invalid utf8", []byte("ok\nok\nbad \xff here\n"), 3, "invalid UTF-8"},
		{"truncated utf8", []byte("ok\n\xe3\x81"), 2, "invalid UTF-8"},
		{"huge", bytes.Repeat([]byte("a"), maxDocBytes+1), 0, "exceeds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newDocText("bad.txt", 2023, "doc:2023", tc.data)
			var de *DocError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a *DocError", err)
			}
			if de.File != "bad.txt" || de.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v (line %d), want %q at line %d", err, de.Line, tc.want, tc.line)
			}
			if !strings.HasPrefix(err.Error(), "bad.txt") {
				t.Errorf("error %q does not name the file first", err)
			}
		})
	}
}

// handText is a docText of lines as a test builds one by hand: not
// checked, but normalised (fillNorm) as newDocText does.
func handText(lines ...string) *docText {
	t := &docText{text: strings.Join(lines, "\n")}
	if len(lines) > 0 {
		t.starts = lineStarts(t.text)
	}
	t.fillNorm()
	return t
}

// normSlice is the NFKC forms of the lines of t as a slice.
func (t *docText) normSlice() []string {
	out := make([]string, 0, t.lineCount())
	for _, l := range t.normLines() {
		out = append(out, l)
	}
	return out
}

// rawSlice is the raw lines of t as a slice.
func (t *docText) rawSlice() []string {
	out := make([]string, 0, t.lineCount())
	for _, l := range t.rawLines() {
		out = append(out, l)
	}
	return out
}
