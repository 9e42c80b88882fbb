package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFirstDifferenceFindsThePath(t *testing.T) {
	a := []byte(`{"data":{"products":{"edges":[{"node":{"id":"1","tags":["a","b"]}}]}}}`)
	path, _ := firstDifference(a, []byte(`{"data":{"products":{"edges":[{"node":{"tags":["a","b"],"id":"1"}}]}}}`))
	require.Empty(t, path, "key order is not a difference")
	path, _ = firstDifference(a, []byte(`{"data":{"products":{"edges":[{"node":{"id":"1","tags":["b","a"]}}]}}}`))
	require.Equal(t, "$.data.products.edges[0].node.tags[0]", path, "list order is")
	path, _ = firstDifference(a, []byte(`{"data":{"products":{"edges":[{"node":{"id":1,"tags":["a","b"]}}]}}}`))
	require.Equal(t, "$.data.products.edges[0].node.id", path, "a number is not a string")
	path, _ = firstDifference(a, []byte(`{"data":{"products":{"edges":[{"node":{"id":"1"}}]}}}`))
	require.Equal(t, "$.data.products.edges[0].node.tags", path, "a missing field is")
}

func TestFloorQuotesStringsAsTheAPIDoes(t *testing.T) {
	var o jsonOut
	o.str("a\"b\\c\nd\te\x01 <&> سعودي")
	require.Equal(t, `"a\"b\\c\nd\te\u0001 <&> سعودي"`, string(o.b))
}
