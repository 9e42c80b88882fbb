package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"time"
)

// runStart measures how long a server takes from its start to ready: it runs the binary
// (`cityos api` by default, with this process's environment, on a port of its own) n
// times and polls /readyz until it answers 200, which needs the database and Redis.
func runStart(args []string) error {
	fs := flag.NewFlagSet("start", flag.ExitOnError)
	bin := fs.String("bin", "cityos", "the server binary")
	cmd := fs.String("cmd", "api", "the command to start: api or serve")
	port := fs.String("port", "18089", "the port it listens on")
	n := fs.Int("n", 5, "how many starts")
	_ = fs.Parse(args)
	var took []time.Duration
	for range *n {
		d, err := startOnce(*bin, *cmd, *port)
		if err != nil {
			return err
		}
		took = append(took, d)
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	fmt.Printf("start to ready (%s %s, %d runs): fastest %s, median %s, slowest %s\n", *bin, *cmd, len(took),
		took[0].Round(time.Millisecond), took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	return nil
}

func startOnce(bin, command, port string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, bin, command)
	c.Env = append(os.Environ(), "PORT="+port)
	start := time.Now()
	if err := c.Start(); err != nil {
		return 0, err
	}
	defer func() {
		_ = c.Process.Signal(os.Interrupt)
		_ = c.Wait()
	}()
	url := "http://127.0.0.1:" + port + "/readyz"
	hc := &http.Client{Timeout: time.Second}
	for ctx.Err() == nil {
		if resp, err := hc.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return time.Since(start), nil
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	return 0, errors.New("the server was not ready within 30s")
}
