package syncs

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/ent"
)

// runFull sends every subscribed aggregate's rows as snapshot events to the endpoint,
// source by source in id order, from the job's cursor on. A snapshot carries its row's
// version as its sequence, the sequence of the row's last change event: a receiver
// holding a later change knows the snapshot is stale.
func (s *Service) runFull(ctx context.Context, job *ent.SyncJob, ep *ent.IntegrationEndpoint, sc scope) error {
	srcs := subscribed(ep.EventTypes)
	start, after := 0, 0
	for i, src := range srcs {
		if src.aggregate == job.CursorEntity {
			start, after = i, job.CursorID
		}
	}
	for i := start; i < len(srcs); i++ {
		src := srcs[i]
		if i > start {
			after = 0
		}
		for {
			if err := stopped(ctx); err != nil {
				return err
			}
			rows, err := src.page(ctx, s.Client, sc, after, s.pageSize())
			if err != nil {
				return fmt.Errorf("sync job %d: read %s: %w", job.ID, src.aggregate, err)
			}
			if len(rows) == 0 {
				break
			}
			p := page{entity: src.aggregate, lastID: rows[len(rows)-1].id}
			for _, r := range rows {
				payload := audit.Snapshot(r.value)
				p.events = append(p.events, event{storeID: r.storeID, topic: SnapshotTopic(src.aggregate),
					aggregate: src.aggregate, id: r.id, sequence: version(payload), payload: payload})
				p.sent++
			}
			if err := s.commit(ctx, job, ep.ID, p); err != nil {
				return err
			}
			after = p.lastID
			if len(rows) < s.pageSize() {
				break
			}
		}
	}
	return nil
}

// version is a snapshot's row version (0 for a row without one).
func version(payload map[string]any) int64 {
	v, _ := payload["version"].(int64)
	return v
}
