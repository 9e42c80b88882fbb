package main

import (
	"strconv"
)

// jsonOut builds the floor's answers by appending, the way a hand-written handler would:
// no reflection, no intermediate maps.
type jsonOut struct{ b []byte }

func (o *jsonOut) raw(s string) { o.b = append(o.b, s...) }

// key writes ,"name": (without the comma at the start of an object).
func (o *jsonOut) key(name string) {
	if n := len(o.b); n > 0 && o.b[n-1] != '{' && o.b[n-1] != '[' {
		o.b = append(o.b, ',')
	}
	o.b = append(o.b, '"')
	o.b = append(o.b, name...)
	o.b = append(o.b, '"', ':')
}

func (o *jsonOut) comma() {
	if n := len(o.b); n > 0 && o.b[n-1] != '{' && o.b[n-1] != '[' {
		o.b = append(o.b, ',')
	}
}

// str writes s quoted as the API quotes strings (only ", \ and control characters are
// escaped), so equal answers are equal bytes.
func (o *jsonOut) str(s string) {
	o.b = append(o.b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		o.b = append(o.b, s[start:i]...)
		switch c {
		case '\t':
			o.b = append(o.b, `\t`...)
		case '\r':
			o.b = append(o.b, `\r`...)
		case '\n':
			o.b = append(o.b, `\n`...)
		case '\\':
			o.b = append(o.b, `\\`...)
		case '"':
			o.b = append(o.b, `\"`...)
		default:
			const hex = "0123456789abcdef"
			o.b = append(o.b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	o.b = append(o.b, s[start:]...)
	o.b = append(o.b, '"')
}

// id writes an ID as the API does: its decimal digits, quoted.
func (o *jsonOut) id(n int64) {
	o.b = append(o.b, '"')
	o.b = strconv.AppendInt(o.b, n, 10)
	o.b = append(o.b, '"')
}

func (o *jsonOut) int(n int64) { o.b = strconv.AppendInt(o.b, n, 10) }

// nullable writes s, or null when it is not valid.
func (o *jsonOut) nullStr(s string, valid bool) {
	if !valid {
		o.raw("null")
		return
	}
	o.str(s)
}

func (o *jsonOut) nullInt(n int64, valid bool) {
	if !valid {
		o.raw("null")
		return
	}
	o.int(n)
}

// connection opens a connection's answer at root: its total, then its edges.
func (o *jsonOut) connection(root string, total int64) {
	o.raw(`{"data":{"` + root + `":{"totalCount":`)
	o.int(total)
	o.raw(`,"edges":[`)
}

// node opens an edge's node with its id.
func (o *jsonOut) node(id int64) {
	o.comma()
	o.raw(`{"node":{"id":`)
	o.id(id)
}
