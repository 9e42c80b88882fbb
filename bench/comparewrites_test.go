package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTwoOrdersDifferOnlyInTheirIDs(t *testing.T) {
	api := []byte(`{"data":{"completeCart":{"id":"73014444032","displayID":1,"total":3500}}}`)
	path, _ := firstDifferenceBut(api, []byte(`{"data":{"completeCart":{"id":"73014444033","displayID":2,"total":3500}}}`), checkoutVolatile)
	require.Empty(t, path, "another order's id and number")
	path, _ = firstDifferenceBut(api, []byte(`{"data":{"completeCart":{"id":"73014444033","displayID":2,"total":3501}}}`), checkoutVolatile)
	require.Equal(t, "$.data.completeCart.total", path, "the total is compared")
	path, _ = firstDifferenceBut(api, []byte(`{"data":{"completeCart":{"id":"73014444033","displayID":null,"total":3500}}}`), checkoutVolatile)
	require.Equal(t, "$.data.completeCart.displayID", path, "a volatile value must be there")
	path, _ = firstDifferenceBut(api, []byte(`{"data":{"completeCart":{"id":73014444033,"displayID":2,"total":3500}}}`), checkoutVolatile)
	require.Equal(t, "$.data.completeCart.id", path, "and of the same kind")
	path, _ = firstDifference(api, []byte(`{"data":{"completeCart":{"id":"73014444033","displayID":1,"total":3500}}}`))
	require.Equal(t, "$.data.completeCart.id", path, "reads have no volatile values")
}

func TestOrderRecordsAreTheAPIs(t *testing.T) {
	o := placedRow{DisplayID: 7, Email: "bench@example.com", Total: 3500, ShippingAddress: json.RawMessage(`{"city":"Riyadh"}`), Version: 1}
	payload, diff, err := o.records()
	require.NoError(t, err)
	var p, d map[string]any
	require.NoError(t, json.Unmarshal(payload, &p))
	require.NoError(t, json.Unmarshal(diff, &d))
	require.Len(t, p, 27, "every column but the id, which the insert adds")
	require.Contains(t, p, "billing_address", "null columns are in the event")
	require.NotContains(t, d, "billing_address", "and not in the audit row")
	require.NotContains(t, d, "version", "nor bookkeeping")
	require.NotContains(t, d, "updated_at")
	require.Equal(t, map[string]any{"after": float64(3500)}, d["total"])
	require.Equal(t, map[string]any{"after": map[string]any{"city": "Riyadh"}}, d["shipping_address"])
}
