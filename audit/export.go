package audit

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	gen "github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/predicate"
)

// ExportPage is how many rows an export reads per statement.
const ExportPage = 500

// Export reads the audit rows matching where that ctx's viewer may read (the AuditLog
// policy decides: a tenant admin their tenants', a store manager their stores'), oldest
// first, a page at a time by id, and hands each page to emit. It never holds more than
// one page, and stops when ctx ends (the client went away). The first page is read
// before anything is emitted, so a refusal can still be answered as an error.
func Export(ctx context.Context, client *gen.Client, where []predicate.AuditLog, emit func([]*gen.AuditLog) error) error {
	after := 0
	for {
		rows, err := client.AuditLog.Query().Where(where...).Where(auditlog.IDGT(after)).
			Order(gen.Asc(auditlog.FieldID)).Limit(ExportPage).All(ctx)
		if err != nil {
			return err
		}
		if len(rows) > 0 {
			if err := emit(rows); err != nil {
				return err
			}
			after = rows[len(rows)-1].ID
		}
		if len(rows) < ExportPage {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// Formats are the export formats and their content types.
var Formats = map[string]string{"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}

// Record is one audit row as an export writes it.
type Record struct {
	ID         int            `json:"id"`
	CreatedAt  time.Time      `json:"createdAt"`
	TenantID   *int           `json:"tenantId"`
	StoreID    *int           `json:"storeId"`
	Actor      string         `json:"actor"`
	Action     string         `json:"action"`
	EntityType string         `json:"entityType"`
	EntityID   int            `json:"entityId"`
	RequestID  *string        `json:"requestId"`
	Diff       map[string]any `json:"diff"`
}

func recordOf(r *gen.AuditLog) Record {
	return Record{ID: r.ID, CreatedAt: r.CreatedAt.UTC(), TenantID: r.TenantID, StoreID: r.StoreID, Actor: r.Actor,
		Action: r.Action, EntityType: r.EntityType, EntityID: r.EntityID, RequestID: r.RequestID, Diff: r.Diff}
}

// csvHeader names the CSV columns; diff is the JSON of the change.
var csvHeader = []string{"id", "created_at", "tenant_id", "store_id", "actor", "action", "entity_type", "entity_id", "request_id", "diff"}

// Writer writes audit rows in one format.
type Writer struct {
	jsonl *json.Encoder
	csv   *csv.Writer
}

// NewWriter returns a writer of format ("csv" or "jsonl") to w; CSV starts with its header.
func NewWriter(format string, w io.Writer) (*Writer, error) {
	switch format {
	case "jsonl":
		return &Writer{jsonl: json.NewEncoder(w)}, nil
	case "csv":
		c := csv.NewWriter(w)
		return &Writer{csv: c}, c.Write(csvHeader)
	}
	return nil, fmt.Errorf("audit: unknown export format %q", format)
}

// Write writes rows and flushes them.
func (w *Writer) Write(rows []*gen.AuditLog) error {
	for _, r := range rows {
		rec := recordOf(r)
		if w.jsonl != nil {
			if err := w.jsonl.Encode(rec); err != nil {
				return err
			}
			continue
		}
		diff, err := json.Marshal(rec.Diff)
		if err != nil {
			return err
		}
		if err := w.csv.Write([]string{strconv.Itoa(rec.ID), rec.CreatedAt.Format(time.RFC3339Nano), optInt(rec.TenantID),
			optInt(rec.StoreID), rec.Actor, rec.Action, rec.EntityType, strconv.Itoa(rec.EntityID),
			optString(rec.RequestID), string(diff)}); err != nil {
			return err
		}
	}
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return nil
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func optString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
