package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
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
	floor, static       string
	stores              string
	rotate              int
	concurrency         int
	duration            time.Duration
	pid                 int
}

func runLoad(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	var lc loadConfig
	fs.StringVar(&lc.url, "url", "http://localhost:8080", "the server's base URL")
	fs.StringVar(&lc.host, "host", storeOne+".localhost", "the storefront host forwarded in X-Store-Host")
	fs.StringVar(&lc.scenario, "scenario", "grid", "grid, gridrich, product, resolve, checkout, split; orders or products (a tenant admin's lists)")
	fs.StringVar(&lc.floor, "floor", "", "a `bench floor` server's base URL: check its answers equal the API's, run it too, report the ratio")
	fs.StringVar(&lc.static, "static", "", "a `bench floor` server's base URL: run it serving the API's answer from memory too, report the ratio")
	fs.StringVar(&lc.stores, "stores", "", "with -scenario grid: rotate over the stores of this `bench seed -tenants` file, each asked with its publishable key")
	fs.IntVar(&lc.rotate, "rotate", 1000, "with -stores: how many of its stores")
	fs.IntVar(&lc.concurrency, "c", 32, "concurrent clients")
	fs.DurationVar(&lc.duration, "d", 20*time.Second, "how long to run")
	fs.IntVar(&lc.pid, "pid", 0, "the server's process id, to sample its memory (RSS)")
	_ = fs.Parse(args)
	if lc.concurrency < 1 || lc.duration <= 0 {
		return errors.New("-c and -d must be positive")
	}
	hc := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: lc.concurrency * 2, MaxIdleConnsPerHost: lc.concurrency * 2},
	}
	api := &client{base: strings.TrimRight(lc.url, "/") + "/graphql", host: lc.host, http: hc}
	ctx := context.Background()
	var err error
	var p plan
	if lc.stores != "" {
		if lc.scenario != "grid" {
			return fmt.Errorf("-stores rotates the grid scenario only")
		}
		stores, err := readStores(lc.stores, lc.rotate)
		if err != nil {
			return err
		}
		if err := warm(ctx, api, stores, lc.concurrency); err != nil {
			return fmt.Errorf("warming up: %w", err)
		}
		p = rotatingGrid(stores)
	} else if p, err = newScenario(ctx, lc.scenario, api); err != nil {
		return err
	}
	if p.bearer != "" { // a staff scenario: signed in, at no store
		api.bearer, api.host = p.bearer, ""
	}
	var others []target
	if lc.floor != "" {
		fl := &client{base: strings.TrimRight(lc.floor, "/") + "/graphql", host: lc.host, bearer: p.bearer, http: hc}
		if p.bearer != "" {
			fl.host = ""
		}
		if p.writes != nil {
			err = sameWrites(ctx, p.writes, p.volatile, api, fl)
		} else {
			err = sameAnswers(ctx, p.probes, api, fl)
		}
		if err != nil {
			return err
		}
		others = append(others, target{"floor", fl, floorPID(ctx, hc, lc.floor)})
	}
	if lc.static != "" {
		st, err := recordStatic(ctx, p.probes, api, strings.TrimRight(lc.static, "/"), hc)
		if err != nil {
			return err
		}
		others = append(others, target{"static", st, floorPID(ctx, hc, lc.static)})
	}
	apiRes := drive(lc, "api", p.on(api), lc.pid)
	apiRes.print()
	for _, t := range others {
		r := drive(lc, t.name, p.on(t.client), t.pid)
		r.print()
		if apiRes.rate > 0 {
			fmt.Printf("  ratio        %s serves %.2f× the API's requests per second\n", t.name, r.rate/apiRes.rate)
		}
		if r.cpuPerRequest > 0 && apiRes.cpuPerRequest > 0 {
			fmt.Printf("  ratio        the API's process spends %.2f× the CPU per request of %s's\n", float64(apiRes.cpuPerRequest)/float64(r.cpuPerRequest), t.name)
		}
	}
	return nil
}

// target is a server a run drives besides the API.
type target struct {
	name   string
	client *client
	pid    int
}

// floorPID asks a floor server for its process id, to measure its CPU; 0 when it does
// not say.
func floorPID(ctx context.Context, hc *http.Client, base string) int {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/pid", nil)
	if err != nil {
		return 0
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}

// scenario is one iteration of a simulated shopper; it returns how many HTTP requests it made.
type scenario func(ctx context.Context, worker, iteration int) (requests int, err error)

// result is what one drive measured.
type result struct {
	name, scenario       string
	clients              int
	elapsed              time.Duration
	iterations, requests int64
	rate                 float64 // requests per second
	p50, p95, p99        time.Duration
	errors               int64
	firstErr             string
	peakRSS              int64
	cpuPerRequest        time.Duration // the server process's CPU (user and system), 0 when unknown
}

func (r result) print() {
	fmt.Printf("%s, scenario %s: %d clients for %s\n", r.name, r.scenario, r.clients, r.elapsed.Round(time.Millisecond))
	fmt.Printf("  iterations   %d (%.0f/s)\n", r.iterations, float64(r.iterations)/r.elapsed.Seconds())
	fmt.Printf("  requests     %d (%.0f req/s)\n", r.requests, r.rate)
	fmt.Printf("  latency      p50 %s  p95 %s  p99 %s  (per iteration)\n", r.p50.Round(10*time.Microsecond), r.p95.Round(10*time.Microsecond), r.p99.Round(10*time.Microsecond))
	fmt.Printf("  errors       %d\n", r.errors)
	if r.firstErr != "" {
		fmt.Printf("  first error  %s\n", r.firstErr)
	}
	if r.peakRSS > 0 {
		fmt.Printf("  server RSS   peak %.1f MB\n", float64(r.peakRSS)/(1<<20))
	}
	if r.cpuPerRequest > 0 {
		fmt.Printf("  server CPU   %s per request\n", r.cpuPerRequest.Round(time.Microsecond))
	}
}

// drive runs the scenario from lc.concurrency goroutines for lc.duration, sampling the
// memory of process pid when it is not 0.
func drive(lc loadConfig, name string, sc scenario, pid int) result {
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
	if pid > 0 {
		go func() {
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				if rss := readRSS(pid); rss > peakRSS.Load() {
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
	cpu0 := readCPU(pid)
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
	r := result{name: name, scenario: lc.scenario, clients: lc.concurrency, elapsed: elapsed,
		iterations: int64(len(latencies)), requests: requests.Load(), errors: errs.Load(),
		p50: pct(0.50), p95: pct(0.95), p99: pct(0.99), peakRSS: peakRSS.Load()}
	r.rate = float64(r.requests) / elapsed.Seconds()
	if cpu := readCPU(pid) - cpu0; pid > 0 && cpu > 0 && r.requests > 0 {
		r.cpuPerRequest = cpu / time.Duration(r.requests)
	}
	if e, ok := firstErr.Load().(string); ok {
		r.firstErr = e
	}
	return r
}

// readCPU is the CPU time a process has used (Linux, user and system), 0 when unknown.
func readCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The command name may hold spaces: the fields counted from 3 start after its ')'.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is USER_HZ, 100 on every Linux this runs on.
const clockTicks = 100

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
	bearer     string // an access token, sent when not empty
	http       *http.Client
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (c *client) do(ctx context.Context, query string, vars map[string]any, out any) error {
	return c.doAs(ctx, c.host, "", query, vars, out)
}

// doAs is do for the store at host, with its publishable key when key is not empty.
func (c *client) doAs(ctx context.Context, host, key, query string, vars map[string]any, out any) error {
	resp, err := c.post(ctx, host, key, query, vars)
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

func (c *client) post(ctx context.Context, host, key, query string, vars map[string]any) (*http.Response, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if host != "" {
		req.Header.Set("X-Store-Host", host)
	}
	if key != "" {
		req.Header.Set("X-Publishable-Key", key)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	return c.http.Do(req)
}

// raw is the answer's bytes, as they came.
func (c *client) raw(ctx context.Context, query string, vars map[string]any) ([]byte, error) {
	resp, err := c.post(ctx, c.host, "", query, vars)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, b)
	}
	return b, nil
}
