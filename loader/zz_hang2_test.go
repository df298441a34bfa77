package loader

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"
)

func TestHang2023b(t *testing.T) {
	data, _ := os.ReadFile("../seed/000_69167627890d1468.txt")
	lines := strings.Split(string(data), "\n")
	r := rand.New(rand.NewSource(2))
	for iter := 0; iter < 300; iter++ {
		a := r.Intn(len(lines))
		b := a + r.Intn(400)
		if b > len(lines) { b = len(lines) }
		seg := append([]string{}, lines[a:b]...)
		for k := 0; k < 10 && len(seg) > 0; k++ {
			i := r.Intn(len(seg))
			switch r.Intn(3) {
			case 0: seg = append(seg[:i], seg[i+1:]...)
			case 1: seg[i] = seg[r.Intn(len(seg))]
			case 2: if rs := []rune(seg[i]); len(rs) > 3 { seg[i] = string(rs[:r.Intn(len(rs))]) }
			}
		}
		in := strings.Join(seg, "\n")
		dt, err := newDocText("h.txt", 2023, "doc:2023", []byte(in))
		if err != nil { continue }
		done := make(chan error, 1)
		go func() { _, e := parse2023(dt); done <- e }()
		select {
		case e := <-done:
			if e != nil && strings.Contains(e.Error(), "internal") { t.Errorf("%v", e) }
		case <-time.After(3 * time.Second):
			os.WriteFile("/tmp/hang.txt", []byte(in), 0o644)
			t.Fatalf("hang (written to /tmp/hang.txt), %d lines", len(seg))
		}
	}
}
