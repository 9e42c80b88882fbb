package access_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/predicate"
)

// Check inspects the data of a response.
type Check func(f *fx, data any) error

// at walks a dotted path ("a.edges.0.node") through decoded JSON.
func at(data any, path string) (any, error) {
	cur := data
	if path == "" {
		return cur, nil
	}
	for _, seg := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			next, ok := v[seg]
			if !ok {
				return nil, fmt.Errorf("%s: no field %q", path, seg)
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(v) {
				return nil, fmt.Errorf("%s: no element %q in a list of %d", path, seg, len(v))
			}
			cur = v[i]
		case nil:
			return nil, fmt.Errorf("%s: %q of null", path, seg)
		default:
			return nil, fmt.Errorf("%s: %q of a %T", path, seg, v)
		}
	}
	return cur, nil
}

func normalize(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

// Eq checks the value at path (JSON-equal to want; nil for null).
func Eq(path string, want any) Check {
	return func(_ *fx, data any) error {
		got, err := at(data, path)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(got, normalize(want)) {
			return fmt.Errorf("%s = %v, want %v", path, got, want)
		}
		return nil
	}
}

// EqF is Eq with the wanted value computed from the fixture.
func EqF(path string, want func(f *fx) any) Check {
	return func(f *fx, data any) error { return Eq(path, want(f))(f, data) }
}

// Null checks that path is null: the row is not visible.
func Null(path string) Check { return Eq(path, nil) }

// NotNull checks that path holds a value.
func NotNull(path string) Check {
	return func(_ *fx, data any) error {
		got, err := at(data, path)
		if err != nil {
			return err
		}
		if got == nil {
			return fmt.Errorf("%s is null", path)
		}
		return nil
	}
}

// items returns the objects at path: a list, or a connection's edges' nodes.
func items(data any, path string) ([]map[string]any, error) {
	v, err := at(data, path)
	if err != nil {
		return nil, err
	}
	if conn, ok := v.(map[string]any); ok {
		edges, ok := conn["edges"].([]any)
		if !ok {
			return nil, fmt.Errorf("%s: not a connection", path)
		}
		var out []map[string]any
		for _, e := range edges {
			n, _ := e.(map[string]any)["node"].(map[string]any)
			out = append(out, n)
		}
		if tc, ok := conn["totalCount"].(float64); ok && int(tc) != len(out) {
			return nil, fmt.Errorf("%s: totalCount %v but %d edges", path, tc, len(out))
		}
		return out, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: %v is not a list", path, v)
	}
	out := make([]map[string]any, len(list))
	for i, x := range list {
		out[i], _ = x.(map[string]any)
	}
	return out, nil
}

// Set checks that the items at path carry exactly the given values of field, in any order.
func Set(path, field string, want ...string) Check {
	return func(_ *fx, data any) error {
		its, err := items(data, path)
		if err != nil {
			return err
		}
		got := make([]string, 0, len(its))
		for _, it := range its {
			got = append(got, fmt.Sprint(it[field]))
		}
		sort.Strings(got)
		w := append([]string{}, want...)
		sort.Strings(w)
		if strings.Join(got, ",") != strings.Join(w, ",") {
			return fmt.Errorf("%s: %s = [%s], want [%s]", path, field, strings.Join(got, ","), strings.Join(w, ","))
		}
		return nil
	}
}

// Handles checks exactly which rows (by handle) are at path.
func Handles(path string, want ...string) Check { return Set(path, "handle", want...) }

// All combines checks.
func All(checks ...Check) Check {
	return func(f *fx, data any) error {
		for _, c := range checks {
			if err := c(f, data); err != nil {
				return err
			}
		}
		return nil
	}
}

// view is how much of a row a principal sees.
type view int

const (
	public view = iota // the public face: private fields null or empty
	staff              // staff data (metadata) but not billing
	admin              // everything
)

// The private data of the fixture's rows, by handle.
var (
	tenantBilling = map[string]string{"acme": "billing@acme.test", "bolt": "billing@bolt.test", "cobalt": "billing@cobalt.test"}
	tenantMeta    = map[string]any{"acme": map[string]any{"secret": "a-meta"}, "bolt": map[string]any{"secret": "b-meta"}, "cobalt": map[string]any{"secret": "c-meta"}}
	storeMeta     = map[string]any{"a1": map[string]any{"secret": "a1-meta"}}
	storeDomains  = map[string][]string{
		"a1": {"shop.acme-example.com", "stale.acme.onion"},
		"b1": {"shop.bolt-example.com", "stale.bolt.onion"},
	}
)

// TenantAs checks the tenant at path (selected with handle billingEmail metadata) is the
// one with handle, seen with view v.
func TenantAs(path, handle string, v view) Check {
	var billing, meta any
	if v == admin {
		billing = tenantBilling[handle]
	}
	if v >= staff {
		meta = tenantMeta[handle]
	}
	return All(Eq(path+".handle", handle), Eq(path+".billingEmail", billing), Eq(path+".metadata", meta))
}

// StoreAs checks the store at path (selected with handle metadata domains { hostname })
// is the one with handle, with (private) or without its staff data.
func StoreAs(path, handle string, private bool) Check {
	var meta any
	domains := []string{}
	if private {
		meta = storeMeta[handle]
		domains = storeDomains[handle]
	}
	return All(Eq(path+".handle", handle), Eq(path+".metadata", meta), Set(path+".domains", "hostname", domains...))
}

// tenantRow is the expected content of a tenant in a tenants list.
type tenantRow struct {
	view   view
	stores []string
}

// Tenants checks exactly which tenants are in the connection at path, what of each is
// seen, and which of its stores.
func Tenants(path string, want map[string]tenantRow) Check {
	return func(f *fx, data any) error {
		its, err := items(data, path)
		if err != nil {
			return err
		}
		var handles []string
		for h := range want {
			handles = append(handles, h)
		}
		if err := Handles(path, handles...)(f, data); err != nil {
			return err
		}
		for i, it := range its {
			h, _ := it["handle"].(string)
			row := want[h]
			p := fmt.Sprintf("%s.edges.%d.node", path, i)
			if err := All(TenantAs(p, h, row.view), Handles(p+".stores", row.stores...))(f, data); err != nil {
				return err
			}
		}
		return nil
	}
}

// AuditLogs checks that the connection at path holds exactly the audit records matching
// scope (nil scope: every record).
func AuditLogs(path string, scope func(f *fx) []predicate.AuditLog) Check {
	return func(f *fx, data any) error {
		q := f.DB.Client.AuditLog.Query()
		if scope != nil {
			q.Where(scope(f)...)
		}
		ids, err := q.IDs(sysCtx())
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return fmt.Errorf("the fixture has no audit record in that scope")
		}
		// The log outgrows one page as the fixture grows: the page holds the first ids
		// (the connection's order), and totalCount counts every row in scope.
		conn, err := at(data, path)
		if err != nil {
			return err
		}
		if tc, _ := conn.(map[string]any)["totalCount"].(float64); int(tc) != len(ids) {
			return fmt.Errorf("%s: totalCount %v, want %d", path, tc, len(ids))
		}
		sort.Ints(ids)
		ids = ids[:min(len(ids), auditPage)]
		want := make([]string, len(ids))
		for i, id := range ids {
			want[i] = gid(id)
		}
		first := map[string]any{}
		for k, v := range conn.(map[string]any) {
			first[k] = v
		}
		delete(first, "totalCount")
		return Set("page", "id", want...)(f, map[string]any{"page": first})
	}
}

// auditPage is the page size the auditLogs rows ask for.
const auditPage = 100

func auditOfTenant(pick func(f *fx) int) func(f *fx) []predicate.AuditLog {
	return func(f *fx) []predicate.AuditLog { return []predicate.AuditLog{auditlog.TenantID(pick(f))} }
}

func auditOfStore(pick func(f *fx) int) func(f *fx) []predicate.AuditLog {
	return func(f *fx) []predicate.AuditLog { return []predicate.AuditLog{auditlog.StoreID(pick(f))} }
}
