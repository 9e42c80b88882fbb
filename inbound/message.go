package inbound

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/dakkah/cityos/apperr"
)

// message is a webhook body in the Standard Webhooks form: {type, timestamp, data}.
type message struct {
	Type   string
	Data   fields
	raw    map[string]any // the body as JSON, recorded
	change change
}

// parse reads and validates a body: its envelope, and the change its type describes.
// Errors name the field ("data.amount: …"); raw is set whenever the body is a JSON object.
func parse(body []byte) (message, error) {
	var m message
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // amounts stay exact, and "1.5" is told apart from 1
	if err := dec.Decode(&m.raw); err != nil || m.raw == nil {
		return message{}, apperr.Invalid("body", "must be a JSON object")
	}
	top := fields{path: "", m: m.raw}
	var err error
	if m.Type, err = top.str("type", true); err != nil {
		return m, err
	}
	if _, err = top.str("timestamp", false); err != nil {
		return m, err
	}
	data, ok := m.raw["data"].(map[string]any)
	if !ok {
		return m, apperr.Invalid("data", "must be an object")
	}
	m.Data = fields{path: "data.", m: data}
	parseChange, ok := changes[m.Type]
	if !ok {
		return m, apperr.Invalid("type", "unsupported: one of %s", strings.Join(supportedTypes(), ", "))
	}
	m.change, err = parseChange(m.Data)
	return m, err
}

// fields reads the members of one JSON object, naming them by path in errors.
type fields struct {
	path string
	m    map[string]any
}

func (f fields) has(name string) bool {
	v, ok := f.m[name]
	return ok && v != nil
}

// str is a string member; required ones must be non-empty.
func (f fields) str(name string, required bool) (string, error) {
	v, ok := f.m[name]
	if !ok || v == nil {
		if required {
			return "", apperr.Invalid(f.path+name, "is required")
		}
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", apperr.Invalid(f.path+name, "must be a string")
	}
	if required && strings.TrimSpace(s) == "" {
		return "", apperr.Invalid(f.path+name, "must not be empty")
	}
	return s, nil
}

// optStr is a string member, nil when absent.
func (f fields) optStr(name string) (*string, error) {
	if !f.has(name) {
		return nil, nil
	}
	s, err := f.str(name, false)
	return &s, err
}

// count is a non-negative integer member.
func (f fields) count(name string, required bool) (*int64, error) {
	if !f.has(name) {
		if required {
			return nil, apperr.Invalid(f.path+name, "is required")
		}
		return nil, nil
	}
	n, ok := f.m[name].(json.Number)
	if !ok {
		return nil, apperr.Invalid(f.path+name, "must be a non-negative integer")
	}
	i, err := n.Int64()
	if err != nil || i < 0 || i > math.MaxInt32*int64(1000) {
		return nil, apperr.Invalid(f.path+name, "must be a non-negative integer")
	}
	return &i, nil
}

// integer is an optional integer member, nil when absent.
func (f fields) integer(name string) (*int, error) {
	if !f.has(name) {
		return nil, nil
	}
	n, ok := f.m[name].(json.Number)
	if !ok {
		return nil, apperr.Invalid(f.path+name, "must be an integer")
	}
	i, err := n.Int64()
	if err != nil || i < math.MinInt32 || i > math.MaxInt32 {
		return nil, apperr.Invalid(f.path+name, "must be an integer")
	}
	v := int(i)
	return &v, nil
}

// id is an id member: a number or a string of digits (GraphQL ids are sent as strings).
func (f fields) id(name string) (*int, error) {
	if !f.has(name) {
		return nil, nil
	}
	var n json.Number
	switch v := f.m[name].(type) {
	case json.Number:
		n = v
	case string:
		n = json.Number(v)
	}
	i, err := n.Int64()
	if err != nil || i <= 0 || i > math.MaxInt64/2 {
		return nil, apperr.Invalid(f.path+name, "must be an id")
	}
	id := int(i)
	return &id, nil
}

// strings is a list of strings member, nil when absent.
func (f fields) strings(name string) ([]string, error) {
	if !f.has(name) {
		return nil, nil
	}
	list, ok := f.m[name].([]any)
	if !ok {
		return nil, apperr.Invalid(f.path+name, "must be a list of strings")
	}
	out := make([]string, 0, len(list))
	for i, v := range list {
		s, ok := v.(string)
		if !ok {
			return nil, apperr.Invalid(fmt.Sprintf("%s%s[%d]", f.path, name, i), "must be a string")
		}
		out = append(out, s)
	}
	return out, nil
}

// oneOf is an optional string member that must be one of values.
func (f fields) oneOf(name string, values ...string) (*string, error) {
	s, err := f.optStr(name)
	if err != nil || s == nil {
		return s, err
	}
	for _, v := range values {
		if *s == v {
			return s, nil
		}
	}
	return nil, apperr.Invalid(f.path+name, "must be one of %s", strings.Join(values, ", "))
}
