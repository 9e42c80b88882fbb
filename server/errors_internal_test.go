package server

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/server/middleware"
)

// An error is logged as internal unless the client had cancelled the request, whatever
// the failure then looks like.
func TestCancelledRequestsAreNotLoggedAsInternalErrors(t *testing.T) {
	var out bytes.Buffer
	ctx := middleware.WithLogger(context.Background(), slog.New(slog.NewTextHandler(&out, nil)))

	presentError(ctx, errors.New("the database went away"))
	require.Contains(t, out.String(), "level=ERROR")
	require.Contains(t, out.String(), `msg="internal error"`)

	for _, failure := range []error{context.Canceled, sql.ErrTxDone} {
		out.Reset()
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		gerr := presentError(cancelled, failure)
		require.Equal(t, "INTERNAL", gerr.Extensions["code"])
		require.NotContains(t, out.String(), "level=ERROR", failure)
		require.Contains(t, out.String(), `msg="request cancelled by the client"`, failure)
	}
}
