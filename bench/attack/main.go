// Command attack sends the hostile requests of internal/attack to a live
// policygraph server on this machine and prints, per attack, what the
// server answered and what it cost the server: CPU (from /proc/PID/stat),
// resident memory growth (VmRSS), and the slowest /healthz answer while
// the attack ran. A last row holds many concurrent heavy valid queries for
// a while (admission control).
//
//	go run ./bench/attack -url http://127.0.0.1:8080 -pid 1234 [-soak 60s -soak-clients 200]
//
// Only loopback URLs are accepted.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/policygraph/policygraph/internal/attack"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server (loopback only)")
	pid := flag.Int("pid", 0, "the server's process id, for CPU and memory")
	soak := flag.Duration("soak", 60*time.Second, "how long the concurrent heavy queries run (0: skip)")
	clients := flag.Int("soak-clients", 200, "concurrent clients of the soak")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		fmt.Fprintln(os.Stderr, "attack: -url must be a loopback address")
		os.Exit(2)
	}
	if *pid <= 0 {
		fmt.Fprintln(os.Stderr, "attack: -pid is required")
		os.Exit(2)
	}
	client := &http.Client{Timeout: 2 * time.Minute}
	fmt.Printf("%-40s %6s %-16s %10s %10s %12s\n", "attack", "status", "code", "cpu ms", "rss +MB", "healthz max")
	for _, a := range attack.All() {
		method := a.Method
		if method == "" {
			method = http.MethodPost
		}
		var status int
		var code string
		m := measure(*pid, *base, func() {
			req, err := http.NewRequest(method, *base+"/graphql", strings.NewReader(a.Body))
			if err != nil {
				code = "request: " + err.Error()
				return
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := client.Do(req)
			if err != nil {
				code = "error: " + err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			status, code = resp.StatusCode, firstCode(b)
		})
		fmt.Printf("%-40s %6d %-16s %10.0f %10.1f %10.0f ms\n", a.Name, status, code, m.cpuMs, m.rssMB, m.healthMax)
	}
	if *soak > 0 {
		var ok, busy, other atomic.Int64
		heavy := `{"query":"{ pillars { id measures(first: 100) { nodes { id title laws { id name } funds { id name } } } } }"}`
		m := measure(*pid, *base, func() {
			deadline := time.Now().Add(*soak)
			var wg sync.WaitGroup
			for range *clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c := &http.Client{Timeout: 30 * time.Second}
					for time.Now().Before(deadline) {
						resp, err := c.Post(*base+"/graphql", "application/json", strings.NewReader(heavy))
						if err != nil {
							other.Add(1)
							time.Sleep(100 * time.Millisecond)
							continue
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						switch resp.StatusCode {
						case http.StatusOK:
							ok.Add(1)
						case http.StatusServiceUnavailable:
							busy.Add(1)
							time.Sleep(50 * time.Millisecond)
						default:
							other.Add(1)
						}
					}
				}()
			}
			wg.Wait()
		})
		fmt.Printf("%-40s %6s %-16s %10.0f %10.1f %10.0f ms\n", fmt.Sprintf("%d clients × heavy query, %s", *clients, *soak),
			"", fmt.Sprintf("%d ok %d 503 %d other", ok.Load(), busy.Load(), other.Load()), m.cpuMs, m.rssMB, m.healthMax)
		fmt.Printf("peak RSS during the soak: %.0f MB\n", m.rssPeakMB)
	}
}

type cost struct {
	cpuMs, rssMB, healthMax, rssPeakMB float64
}

// measure runs f while probing /healthz every 50 ms and sampling RSS.
func measure(pid int, base string, f func()) cost {
	cpu0, rss0 := cpuMs(pid), rssMB(pid)
	stop := make(chan struct{})
	var worst, peak float64
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		defer close(done)
		c := &http.Client{Timeout: 5 * time.Second}
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			start := time.Now()
			resp, err := c.Get(base + "/healthz")
			d := float64(time.Since(start).Milliseconds())
			if err == nil {
				resp.Body.Close()
			} else {
				d = 5000
			}
			r := rssMB(pid)
			mu.Lock()
			worst, peak = max(worst, d), max(peak, r)
			mu.Unlock()
		}
	}()
	f()
	time.Sleep(100 * time.Millisecond) // let the server finish what the client left
	close(stop)
	<-done
	mu.Lock()
	defer mu.Unlock()
	return cost{cpuMs: cpuMs(pid) - cpu0, rssMB: rssMB(pid) - rss0, healthMax: worst, rssPeakMB: max(peak, rssMB(pid))}
}

// cpuMs is the process's user+system CPU time (clock ticks of 10 ms).
func cpuMs(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name (which may hold spaces) in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) * 10
}

// rssMB is the process's resident memory.
func rssMB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

func firstCode(b []byte) string {
	var one struct {
		Errors []struct{ Extensions struct{ Code string } }
	}
	var many []struct {
		Errors []struct{ Extensions struct{ Code string } }
	}
	if json.Unmarshal(b, &one) == nil && len(one.Errors) > 0 {
		return one.Errors[0].Extensions.Code
	}
	if json.Unmarshal(b, &many) == nil {
		for _, r := range many {
			if len(r.Errors) > 0 {
				return r.Errors[0].Extensions.Code
			}
		}
	}
	return "-"
}
