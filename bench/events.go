package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/viewer"
)

// benchEndpoint names the integration endpoint the events benchmark subscribes with.
const benchEndpoint = "bench receiver"

// runEvents measures the event pipeline of a running server (its workers relay and
// deliver): a burst of events written at once gives relay and delivery throughput; a
// steady stream at -rate gives the lag from a change's commit to its signed delivery.
// Run `bench run -scenario checkout` beside it to measure the lag under checkout load:
// the receiver hears the orders' events too.
func runEvents(args []string) error {
	fs := flag.NewFlagSet("events", flag.ExitOnError)
	burst := fs.Int("n", 20_000, "events in the burst (throughput); 0 skips it")
	rate := fs.Int("rate", 1_000, "events per second in the steady phase (lag); 0 skips it")
	dur := fs.Duration("d", 20*time.Second, "length of the steady phase")
	wait := fs.Duration("wait", 3*time.Minute, "how long to wait for events to arrive")
	_ = fs.Parse(args)
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	ctx := viewer.SystemContext(context.Background(), "bench-events")
	a, err := app.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer a.Close()
	t, err := a.Client.Tenant.Query().Where(tenant.Handle(benchTenant)).Only(ctx)
	if err != nil {
		return fmt.Errorf("tenant %q (run bench seed first): %w", benchTenant, err)
	}
	secret, err := stdwebhook.NewSecret()
	if err != nil {
		return err
	}
	recv := newReceiver(secret)
	url, stop, err := recv.listen()
	if err != nil {
		return err
	}
	defer stop()
	ep, err := subscribe(ctx, a.Client, t.ID, url, secret)
	if err != nil {
		return err
	}
	defer func() { _ = a.Client.IntegrationEndpoint.DeleteOneID(ep).Exec(ctx) }()
	fmt.Printf("receiver at %s (endpoint %d, all of tenant %q's events)\n", url, ep, benchTenant)
	if *burst > 0 {
		if err := burstPhase(ctx, a.Client, recv, t.ID, *burst, *wait); err != nil {
			return err
		}
	}
	if *rate > 0 {
		return steadyPhase(ctx, a.Client, recv, t.ID, *rate, *dur, *wait)
	}
	return nil
}

// subscribe replaces the benchmark's endpoint with one for url, hearing every event.
func subscribe(ctx context.Context, c *ent.Client, tenantID int, url, secret string) (int, error) {
	if _, err := c.IntegrationEndpoint.Delete().Where(integrationendpoint.TenantID(tenantID),
		integrationendpoint.Description(benchEndpoint)).Exec(ctx); err != nil {
		return 0, err
	}
	ep, err := c.IntegrationEndpoint.Create().SetTenantID(tenantID).SetURL(url).SetDescription(benchEndpoint).
		SetEventTypes([]string{"*"}).SetSecret(secret).Save(ctx)
	if err != nil {
		return 0, err
	}
	return ep.ID, nil
}

// write adds n events of the tenant to the outbox in one statement and returns the last id.
func write(ctx context.Context, c *ent.Client, tenantID, from, n int) (int, error) {
	now := time.Now()
	b := make([]*ent.OutboxEventCreate, n)
	for i := range b {
		b[i] = c.OutboxEvent.Create().SetTenantID(tenantID).SetTopic("bench.ping").SetAggregateType("bench").
			SetAggregateID(from + i).SetSequence(1).SetPayload(map[string]any{"i": from + i}).SetCreatedAt(now)
	}
	rows, err := c.OutboxEvent.CreateBulk(b...).Save(ctx)
	if err != nil {
		return 0, err
	}
	return rows[len(rows)-1].ID, nil
}

func burstPhase(ctx context.Context, c *ent.Client, recv *receiver, tenantID, n int, wait time.Duration) error {
	recv.reset()
	start := time.Now()
	firstID, lastID := 0, 0
	for done := 0; done < n; done += 1000 {
		id, err := write(ctx, c, tenantID, done, min(1000, n-done))
		if err != nil {
			return err
		}
		if firstID == 0 {
			firstID = id - min(1000, n-done) + 1
		}
		lastID = id
	}
	written := time.Since(start)
	deadline := time.Now().Add(wait)
	var relayed time.Duration
	for relayed == 0 || recv.count() < n {
		if time.Now().After(deadline) {
			return fmt.Errorf("burst: %d of %d events arrived within %s", recv.count(), n, wait)
		}
		if relayed == 0 {
			left, err := c.OutboxEvent.Query().Where(outboxevent.IDGTE(firstID), outboxevent.IDLTE(lastID),
				outboxevent.PublishedAtIsNil()).Count(ctx)
			if err != nil {
				return err
			}
			if left == 0 {
				relayed = time.Since(start)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s := recv.reset()
	delivered := time.Since(start)
	fmt.Printf("burst of %d events (written in %s)\n", n, written.Round(time.Millisecond))
	fmt.Printf("  relayed      in %s: %.0f events/s\n", relayed.Round(time.Millisecond), float64(n)/relayed.Seconds())
	fmt.Printf("  delivered    in %s: %.0f events/s, signed and verified (%d rejected, %d duplicates)\n",
		delivered.Round(time.Millisecond), float64(n)/delivered.Seconds(), s.bad, s.dupes)
	return nil
}

func steadyPhase(ctx context.Context, c *ent.Client, recv *receiver, tenantID, rate int, dur, wait time.Duration) error {
	const tick = 10 * time.Millisecond
	perTick := max(1, rate/int(time.Second/tick))
	recv.reset()
	t := time.NewTicker(tick)
	defer t.Stop()
	end := time.Now().Add(dur)
	sent := 0
	for time.Now().Before(end) {
		<-t.C
		if _, err := write(ctx, c, tenantID, 1_000_000+sent, perTick); err != nil {
			return err
		}
		sent += perTick
	}
	deadline := time.Now().Add(wait)
	for recv.count() < sent {
		if time.Now().After(deadline) {
			return errors.New("steady: not every event arrived in time")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second) // the orders' events of a checkout run beside this one
	s := recv.reset()
	fmt.Printf("steady %d events/s for %s: %d events (and %d others) arrived\n", rate, dur, sent, s.count-sent)
	fmt.Printf("  lag          p50 %s  p99 %s  max %s  (commit to verified delivery)\n",
		s.p50.Round(time.Millisecond), s.p99.Round(time.Millisecond), s.max.Round(time.Millisecond))
	fmt.Printf("  rejected     %d, duplicates %d\n", s.bad, s.dupes)
	return nil
}
