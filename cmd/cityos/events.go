package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

const eventsUsage = "usage: cityos events tail [-tenant HANDLE|ID] [-type TYPE|PREFIX.*] [-n 20] [-f]"

func runEvents(ctx context.Context, log *slog.Logger, args []string) error {
	if len(args) == 0 || args[0] != "tail" {
		return errors.New(eventsUsage)
	}
	fs := flag.NewFlagSet("events tail", flag.ContinueOnError)
	tenantArg := fs.String("tenant", "", "only this tenant's events (handle or id)")
	typ := fs.String("type", "", "only events of this type, or of a family such as order.*")
	n := fs.Int("n", 20, "how many of the most recent events to show")
	follow := fs.Bool("f", false, "keep showing new events as they are written, until interrupted")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	app, err := open(ctx, log, false)
	if err != nil {
		return err
	}
	defer app.Close()
	ctx = viewer.SystemContext(ctx, "cli-events")
	t := tailer{client: app.Client, out: os.Stdout, n: *n, follow: *follow, every: time.Second, typ: *typ}
	if t.tenantID, err = tenantOf(ctx, app.Client, *tenantArg); err != nil {
		return err
	}
	return t.run(ctx)
}

// tenantOf reads -tenant: a handle, or an id.
func tenantOf(ctx context.Context, client *ent.Client, arg string) (int, error) {
	if arg == "" {
		return 0, nil
	}
	if id, err := strconv.Atoi(arg); err == nil {
		return id, nil
	}
	t, err := client.Tenant.Query().Where(tenant.Handle(arg)).Only(ctx)
	if err != nil {
		return 0, fmt.Errorf("tenant %q: %w", arg, err)
	}
	return t.ID, nil
}

// tailer shows the outbox's most recent events, then (follow) the new ones as they are
// written, polling every every. Following is by id, so an event whose transaction
// commits after a later one's can be missed there; the relay and consumers are not.
type tailer struct {
	client   *ent.Client
	out      io.Writer
	tenantID int    // 0: every tenant
	typ      string // "", "*", "order.*" or "order.placed"
	n        int
	follow   bool
	every    time.Duration

	names map[string]string // "tenant:1" → its handle, "store:2" → its handle
}

func (t *tailer) run(ctx context.Context) error {
	recent, err := t.query().Order(outboxevent.ByID(sql.OrderDesc())).Limit(t.n).All(ctx)
	if err != nil {
		return err
	}
	slices.Reverse(recent)
	last := t.print(ctx, recent, 0)
	if !t.follow {
		return nil
	}
	tick := time.NewTicker(t.every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		next, err := t.query().Where(outboxevent.IDGT(last)).Order(outboxevent.ByID()).Limit(1000).All(ctx)
		if err != nil && ctx.Err() == nil {
			return err
		}
		last = t.print(ctx, next, last)
	}
}

func (t *tailer) query() *ent.OutboxEventQuery {
	var where []predicate.OutboxEvent
	if t.tenantID != 0 {
		where = append(where, outboxevent.TenantID(t.tenantID))
	}
	switch {
	case t.typ == "" || t.typ == "*":
	case strings.HasSuffix(t.typ, ".*"):
		where = append(where, outboxevent.TopicHasPrefix(strings.TrimSuffix(t.typ, "*")))
	default:
		where = append(where, outboxevent.Topic(t.typ))
	}
	return t.client.OutboxEvent.Query().Where(where...)
}

// print writes one line an event: id, time, type, tenant, store, aggregate:id, sequence.
// It returns the last id printed (last when none).
func (t *tailer) print(ctx context.Context, events []*ent.OutboxEvent, last int) int {
	for _, e := range events {
		agg := "-"
		if e.AggregateType != "" {
			agg = e.AggregateType + ":" + strconv.Itoa(e.AggregateID)
		}
		fmt.Fprintf(t.out, "%s  %s  %-28s  tenant=%s  store=%s  %s  seq=%d\n", outbox.PublicID(e.ID),
			e.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"), e.Topic,
			t.name(ctx, "tenant", e.TenantID), t.name(ctx, "store", e.StoreID), agg, e.Sequence)
		last = e.ID
	}
	return last
}

// name is the handle of the tenant or store id, looked up once ("-" for none; the id
// when it is gone).
func (t *tailer) name(ctx context.Context, kind string, id *int) string {
	if id == nil {
		return "-"
	}
	key := kind + ":" + strconv.Itoa(*id)
	if h, ok := t.names[key]; ok {
		return h
	}
	var h string
	var err error
	if kind == "tenant" {
		h, err = t.client.Tenant.Query().Where(tenant.ID(*id)).Select(tenant.FieldHandle).String(ctx)
	} else {
		h, err = t.client.Store.Query().Where(store.ID(*id)).Select(store.FieldHandle).String(ctx)
	}
	if err != nil {
		h = strconv.Itoa(*id)
	}
	if t.names == nil {
		t.names = map[string]string{}
	}
	t.names[key] = h
	return h
}
