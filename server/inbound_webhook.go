package server

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/server/middleware"
)

// inboundWebhook receives another system's signed changes at POST
// /webhooks/in/{endpointId} (the endpoint's id as GraphQL shows it): 202 once recorded
// and queued (a worker applies it), 401 for a bad signature or stale timestamp, 409 for
// a replayed webhook-id, 400 for a body that is no supported change (naming the field),
// 404 for an unknown or disabled endpoint, 413 beyond inbound.MaxBody. See inbound.
func inboundWebhook(svc *inbound.Service) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("endpointId"))
		if svc == nil || err != nil || id <= 0 {
			writeInbound(w, http.StatusNotFound, inbound.ErrUnknownEndpoint)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, inbound.MaxBody))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				writeInbound(w, http.StatusRequestEntityTooLarge, apperr.Invalid("body", "larger than %d bytes", inbound.MaxBody))
				return
			}
			writeInbound(w, http.StatusBadRequest, apperr.Invalid("body", "unreadable"))
			return
		}
		rec, err := svc.Receive(r.Context(), id, r.Header, body)
		if err != nil {
			status := inboundStatus(err)
			if status == http.StatusServiceUnavailable {
				middleware.Logger(r.Context()).Error("inbound webhook", "endpoint", id, "err", err)
				err = apperr.New(apperr.Internal, "could not take the webhook now: send it again")
			}
			writeInbound(w, status, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_ = json.NewEncoder(w).Encode(map[string]any{"id": rec.ID, "status": rec.Status})
	})
}

// inboundStatus is the HTTP status of a Receive error. Anything but the sender's fault
// is 503: the sender retries, and a webhook recorded but not queued is queued then.
func inboundStatus(err error) int {
	switch apperr.CodeOf(err) {
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Unauthenticated:
		return http.StatusUnauthorized
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.BadUserInput:
		return http.StatusBadRequest
	}
	return http.StatusServiceUnavailable
}

func writeInbound(w http.ResponseWriter, status int, err error) {
	body := map[string]any{"code": apperr.CodeOf(err), "message": err.Error()}
	if e, ok := apperr.As(err); ok && e.Field != "" {
		body["field"] = e.Field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": body})
}
