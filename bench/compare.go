package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
)

// sameAnswers checks that the floor answers every probe as the API does, field for field
// (object keys in any order; values, lists and their order equal), so the two do the same
// work. It says whether the bytes are identical too.
func sameAnswers(ctx context.Context, probes []probe, api, floor *client) error {
	if len(probes) == 0 {
		return fmt.Errorf("the floor answers only the grid, gridrich, product, checkout, orders and products scenarios")
	}
	identical := 0
	for _, p := range probes {
		a, err := api.raw(ctx, p.query, p.vars)
		if err != nil {
			return fmt.Errorf("API: %w", err)
		}
		f, err := floor.raw(ctx, p.query, p.vars)
		if err != nil {
			return fmt.Errorf("floor: %w", err)
		}
		if bytes.Equal(a, f) {
			identical++
		}
		if path, diff := firstDifference(a, f); path != "" {
			return fmt.Errorf("the floor's answer differs from the API's at %s: %s", path, diff)
		}
	}
	fmt.Printf("floor: %d answers equal the API's field for field (%d byte for byte)\n", len(probes), identical)
	return nil
}

// firstDifference is the path of the first value in which two JSON documents differ, ""
// when they are equal.
func firstDifference(a, b []byte) (path, diff string) {
	return firstDifferenceBut(a, b, nil)
}

// firstDifferenceBut is firstDifference where the values at the volatile paths need
// only be alike (see alike): what two writes never share, such as the ids of two
// orders placed one after the other.
func firstDifferenceBut(a, b []byte, volatile map[string]bool) (path, diff string) {
	var va, vb any
	if err := decodeNumbers(a, &va); err != nil {
		return "$", "API: " + err.Error()
	}
	if err := decodeNumbers(b, &vb); err != nil {
		return "$", "floor: " + err.Error()
	}
	return differ("$", va, vb, volatile)
}

func decodeNumbers(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

func differ(path string, a, b any, volatile map[string]bool) (string, string) {
	if volatile[path] {
		if !alike(a, b) {
			return path, fmt.Sprintf("API %v, floor %v (values that may differ, but not in kind)", a, b)
		}
		return "", ""
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return path, fmt.Sprintf("API %v, floor %v", a, b)
		}
		keys := make([]string, 0, len(x)+len(y))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p, d := differ(path+"."+k, x[k], y[k], volatile); p != "" {
				return p, d
			}
		}
		return "", ""
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return path, fmt.Sprintf("API %v, floor %v", a, b)
		}
		for i := range x {
			if p, d := differ(fmt.Sprintf("%s[%d]", path, i), x[i], y[i], volatile); p != "" {
				return p, d
			}
		}
		return "", ""
	default:
		if a != b {
			return path, fmt.Sprintf("API %v, floor %v", a, b)
		}
		return "", ""
	}
}

// recordStatic gives a floor server the API's answer to the scenario's first request and
// returns a client of its /static, which answers those bytes to every request.
func recordStatic(ctx context.Context, probes []probe, api *client, base string, hc *http.Client) (*client, error) {
	if len(probes) == 0 {
		return nil, fmt.Errorf("-static needs a read scenario (grid, gridrich)")
	}
	body, err := api.raw(ctx, probes[0].query, probes[0].vars)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/record", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return nil, fmt.Errorf("recording the static answer: HTTP %d", resp.StatusCode)
	}
	return &client{base: base + "/static", host: api.host, http: hc}, nil
}
