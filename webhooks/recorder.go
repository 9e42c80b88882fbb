package webhooks

import (
	"context"
	"sync"

	"github.com/dakkah/cityos/ent"
)

// maxGroup bounds the rows one INSERT writes.
const maxGroup = 200

// recorder writes attempts' rows in groups: the rows that arrive while one group is
// being written go together in the next, one statement and one commit for all of them.
// Each commit waits for the database's disk, and one per attempt was what bounded
// delivery; a group costs one wait, and nothing is written later than it is returned:
// every caller gets its row back only once it is committed.
type recorder struct {
	mu       sync.Mutex
	queue    []*recording
	flushing bool
}

type recording struct {
	create *ent.WebhookDeliveryCreate
	row    *ent.WebhookDelivery
	err    error
	done   chan struct{}
}

// write inserts the row of create, with whatever other rows are waiting. The caller that
// finds no group being written writes groups until none is waiting; the others wait for
// theirs.
func (rec *recorder) write(ctx context.Context, client *ent.Client, create *ent.WebhookDeliveryCreate) (*ent.WebhookDelivery, error) {
	own := &recording{create: create, done: make(chan struct{})}
	rec.mu.Lock()
	rec.queue = append(rec.queue, own)
	if rec.flushing {
		rec.mu.Unlock()
		<-own.done
		return own.row, own.err
	}
	rec.flushing = true
	for len(rec.queue) > 0 {
		group := rec.queue[:min(maxGroup, len(rec.queue))]
		rec.queue = rec.queue[len(group):]
		rec.mu.Unlock()
		insert(ctx, client, group)
		rec.mu.Lock()
	}
	rec.flushing = false
	rec.mu.Unlock()
	return own.row, own.err
}

// insert writes a group in one statement; when that fails (one row's attempt recorded
// meanwhile by another worker, say), each row is written alone, so one row's trouble
// is its own.
func insert(ctx context.Context, client *ent.Client, group []*recording) {
	defer func() {
		for _, r := range group {
			close(r.done)
		}
	}()
	if len(group) > 1 {
		creates := make([]*ent.WebhookDeliveryCreate, len(group))
		for i, r := range group {
			creates[i] = r.create
		}
		rows, err := client.WebhookDelivery.CreateBulk(creates...).Save(ctx)
		if err == nil {
			for i, r := range group {
				r.row = rows[i]
			}
			return
		}
	}
	for _, r := range group {
		r.row, r.err = r.create.Save(ctx)
	}
}
