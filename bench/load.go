package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type loadConfig struct {
	url, host, scenario string
	concurrency         int
	duration            time.Duration
	pid                 int
}

func runLoad(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	var lc loadConfig
	fs.StringVar(&lc.url, "url", "http://localhost:8080", "the server's base URL")
	fs.StringVar(&lc.host, "host", storeOne+".localhost", "the storefront host forwarded in X-Store-Host")
	fs.StringVar(&lc.scenario, "scenario", "grid", "grid, product, resolve or checkout")
	fs.IntVar(&lc.concurrency, "c", 32, "concurrent clients")
	fs.DurationVar(&lc.duration, "d", 20*time.Second, "how long to run")
	fs.IntVar(&lc.pid, "pid", 0, "the server's process id, to sample its memory (RSS)")
	_ = fs.Parse(args)
	if lc.concurrency < 1 || lc.duration <= 0 {
		return errors.New("-c and -d must be positive")
	}
	cl := &client{base: strings.TrimRight(lc.url, "/") + "/graphql", host: lc.host, http: &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: lc.concurrency * 2, MaxIdleConnsPerHost: lc.concurrency * 2},
	}}
	sc, err := newScenario(context.Background(), lc.scenario, cl)
	if err != nil {
		return err
	}
	return drive(lc, sc)
}

// scenario is one iteration of a simulated shopper; it returns how many HTTP requests it made.
type scenario func(ctx context.Context, worker, iteration int) (requests int, err error)

// drive runs the scenario from lc.concurrency goroutines for lc.duration and reports.
func drive(lc loadConfig, sc scenario) error {
	ctx, cancel := context.WithTimeout(context.Background(), lc.duration)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		requests  atomic.Int64
		errs      atomic.Int64
		firstErr  atomic.Value
		wg        sync.WaitGroup
		peakRSS   atomic.Int64
	)
	if lc.pid > 0 {
		go func() {
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				if rss := readRSS(lc.pid); rss > peakRSS.Load() {
					peakRSS.Store(rss)
				}
				select {
				case <-ctx.Done():
					return
				case <-t.C:
				}
			}
		}()
	}
	start := time.Now()
	for w := 0; w < lc.concurrency; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var mine []time.Duration
			for i := 0; ctx.Err() == nil; i++ {
				t0 := time.Now()
				n, err := sc(ctx, w, i)
				if ctx.Err() != nil {
					break // cut off by the deadline: not counted
				}
				mine = append(mine, time.Since(t0))
				requests.Add(int64(n))
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(float64(len(latencies))*p))]
	}
	iters := len(latencies)
	fmt.Printf("scenario %s: %d clients for %s\n", lc.scenario, lc.concurrency, elapsed.Round(time.Millisecond))
	fmt.Printf("  iterations   %d (%.0f/s)\n", iters, float64(iters)/elapsed.Seconds())
	fmt.Printf("  requests     %d (%.0f req/s)\n", requests.Load(), float64(requests.Load())/elapsed.Seconds())
	fmt.Printf("  latency      p50 %s  p95 %s  p99 %s  (per iteration)\n", pct(0.50).Round(10*time.Microsecond), pct(0.95).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond))
	fmt.Printf("  errors       %d\n", errs.Load())
	if e, ok := firstErr.Load().(string); ok {
		fmt.Printf("  first error  %s\n", e)
	}
	if lc.pid > 0 {
		fmt.Printf("  server RSS   peak %.1f MB\n", float64(peakRSS.Load())/(1<<20))
	}
	return nil
}

// readRSS returns a process's resident memory in bytes (Linux), or 0.
func readRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// client posts GraphQL operations as a storefront does.
type client struct {
	base, host string
	http       *http.Client
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (c *client) do(ctx context.Context, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Store-Host", c.host)
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("HTTP %d: %w", resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, r.Errors[0].Message)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}
