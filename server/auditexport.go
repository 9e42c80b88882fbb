package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/viewer"
	"github.com/vektah/gqlparser/v2/ast"
)

// auditExport answers GET /audit/export?format=csv|jsonl&where=<AuditLogWhereInput as
// JSON>: the whole filtered audit log the caller may read (the same rows auditLogs
// shows them), streamed a page at a time. Errors found before the first row is written
// are answered in the GraphQL error shape; a failure after that ends the stream early.
func auditExport(client *ent.Client, schema *ast.Schema) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if viewer.FromContext(ctx).Kind == viewer.Anonymous {
			middleware.WriteError(w, r, http.StatusUnauthorized, apperr.Unauthenticated, "sign in to export the audit log", nil)
			return
		}
		q := r.URL.Query()
		format := q.Get("format")
		if format == "" {
			format = "jsonl"
		}
		contentType, ok := audit.Formats[format]
		if !ok {
			middleware.WriteError(w, r, http.StatusBadRequest, apperr.BadUserInput, "format must be csv or jsonl", map[string]any{"field": "format"})
			return
		}
		where, err := exportFilter(filterCheck{schema: schema, viewer: viewer.FromContext(ctx)}, q.Get("where"))
		if err != nil {
			code, msg := apperr.CodeOf(err), err.Error()
			if code == "" || code == apperr.Internal {
				code = apperr.BadUserInput
			}
			if e, ok := apperr.As(err); ok {
				msg = e.Message
			}
			middleware.WriteError(w, r, statusOf(code), code, msg, map[string]any{"field": "where"})
			return
		}
		var out *audit.Writer
		err = audit.Export(ctx, client, where, func(rows []*ent.AuditLog) error {
			if out == nil {
				if out, err = startExport(w, format, contentType); err != nil {
					return err
				}
			}
			if err := out.Write(rows); err != nil {
				return err
			}
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
			return nil
		})
		switch {
		case err != nil && out == nil:
			code, msg := classify(err)
			if code == apperr.Internal {
				logInternal(ctx, err, r.URL.Path)
			}
			middleware.WriteError(w, r, statusOf(code), code, msg, nil)
		case err != nil:
			middleware.Logger(ctx).Warn("audit export ended early", "err", err.Error())
		case out == nil: // nothing matched: an empty file, CSV with its header
			_, _ = startExport(w, format, contentType)
		}
	})
}

func startExport(w http.ResponseWriter, format, contentType string) (*audit.Writer, error) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="audit-log.`+format+`"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	return audit.NewWriter(format, w)
}

// maxExportFilter bounds the where parameter, as the body limit bounds a GraphQL request's.
const maxExportFilter = 16 << 10

// exportFilter reads the where parameter: the AuditLogWhereInput of the auditLogs query,
// as JSON ({"entityType": "Order", "createdAtGTE": "2026-01-01T00:00:00Z"}).
// It passes the same guard as every where argument of the API (see filters.go).
func exportFilter(guard filterCheck, raw string) ([]predicate.AuditLog, error) {
	if raw == "" {
		return nil, nil
	}
	if len(raw) > maxExportFilter {
		return nil, fmt.Errorf("where is longer than %d bytes", maxExportFilter)
	}
	var value any
	if err := json.Unmarshal([]byte(raw), &value); err != nil {
		return nil, errors.New("where must be an AuditLogWhereInput in JSON: " + err.Error())
	}
	if _, err := guard.check("AuditLogWhereInput", value, "where"); err != nil {
		return nil, err
	}
	var in ent.AuditLogWhereInput
	if err := json.Unmarshal([]byte(raw), &in); err != nil {
		return nil, errors.New("where must be an AuditLogWhereInput in JSON: " + err.Error())
	}
	p, err := in.P()
	if errors.Is(err, ent.ErrEmptyAuditLogWhereInput) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return []predicate.AuditLog{p}, nil
}

func statusOf(code apperr.Code) int {
	switch code {
	case apperr.Unauthenticated:
		return http.StatusUnauthorized
	case apperr.Forbidden:
		return http.StatusForbidden
	case apperr.BadUserInput:
		return http.StatusBadRequest
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.RateLimited:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
