package access_test

// The authorization matrix: every query and mutation of the API, run as each of the fourteen
// principals of the role matrix (DESIGN.md) against rows of tenants A and B, with the
// expected outcome of every cell. The matrix is data (matrix_queries_test.go,
// matrix_mutations_test.go): a later issue that adds an operation adds a row, and
// TestMatrixCoversSchema fails until it does.
//
// A refusal's code follows one rule (server/errors_access.go): a caller who has not signed
// in (anonymous, or a publishable key alone) is UNAUTHENTICATED, a signed-in user or
// secret key without the right FORBIDDEN, and a storefront read that names no store
// BAD_USER_INPUT.

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/dakkah/cityos/testenv"
)

type outcomeKind int

const (
	unset outcomeKind = iota
	allow
	deny
	filtered
)

// Outcome is what one principal gets from one operation.
type Outcome struct {
	kind   outcomeKind
	code   string
	checks []Check
	// errCode, for Filtered: rows the caller may not see come back as errors with this code.
	errCode string
}

// Allow: no error, and the checks hold on the returned data.
func Allow(checks ...Check) Outcome { return Outcome{kind: allow, checks: checks} }

// Deny: every error carries code, and no root field returns data.
func Deny(code string) Outcome { return Outcome{kind: deny, code: code} }

// Filtered: no error, and the check says exactly which rows came back.
func Filtered(check Check, more ...Check) Outcome {
	return Outcome{kind: filtered, checks: append([]Check{check}, more...)}
}

// FilteredWith is Filtered for lists that report each row the caller may not see as an
// error with code (nodes), next to the rows it may.
func FilteredWith(code string, check Check, more ...Check) Outcome {
	o := Filtered(check, more...)
	o.errCode = code
	return o
}

func (o Outcome) String() string {
	switch o.kind {
	case allow:
		return "Allow"
	case deny:
		return "Deny(" + o.code + ")"
	case filtered:
		if o.errCode != "" {
			return "Filtered(others " + o.errCode + ")"
		}
		return "Filtered"
	}
	return "<missing>"
}

// Cells is a row of the matrix: the expected outcome for each principal. A cell left
// out is the zero Outcome, which fails the row — except the vendor and company cells
// (see orCustomer).
type Cells struct {
	SA  Outcome // super_admin
	TA  Outcome // tenant_admin of A
	SM  Outcome // store_manager of A1
	CU  Outcome // customer of A
	PK  Outcome // publishable key of A1
	SK  Outcome // secret key of B (tenant_admin of B)
	AN  Outcome // anonymous
	VA1 Outcome // vendor_admin of V1 (va-one, of A)
	VS1 Outcome // vendor_staff of V1
	VA2 Outcome // vendor_admin of V2 (va-two, of A)
	// V is every vendor principal's cell where VA1, VS1 or VA2 is not stated: for rows
	// in which the three get one outcome that is not the customer's.
	V   Outcome
	CA1 Outcome // company_admin of C1 (ca-one, of A)
	B1  Outcome // buyer of C1
	CA2 Outcome // company_admin of C2 (ca-two, of A)
	B2  Outcome // buyer of C2
	// C is every company principal's cell where CA1, B1, CA2 or B2 is not stated: for
	// rows in which the four get one outcome that is not the customer's.
	C Outcome
}

func (c Cells) byPrincipal() map[string]Outcome {
	return map[string]Outcome{
		testenv.SuperAdmin:     c.SA,
		testenv.TenantAdminA:   c.TA,
		testenv.ManagerA1:      c.SM,
		testenv.CustomerA:      c.CU,
		testenv.PublishableA:   c.PK,
		testenv.SecretB:        c.SK,
		testenv.Anonymous:      c.AN,
		testenv.VendorAdminV1:  c.orCustomer(c.VA1, c.V),
		testenv.VendorStaffV1:  c.orCustomer(c.VS1, c.V),
		testenv.VendorAdminV2:  c.orCustomer(c.VA2, c.V),
		testenv.CompanyAdminC1: c.orCustomer(c.CA1, c.C),
		testenv.BuyerC1:        c.orCustomer(c.B1, c.C),
		testenv.CompanyAdminC2: c.orCustomer(c.CA2, c.C),
		testenv.BuyerC2:        c.orCustomer(c.B2, c.C),
	}
}

// A vendor principal's cell is as stated (its own field, else V), or else the
// customer's. A vendor's admin or staff is a signed-in user with no role of tenant
// A but its vendor's, so for the operations vendors have no part in it gets what the
// customer gets — the same refusal, the same public storefront — wherever the
// customer's outcome owes nothing to being A's customer: its carts, orders, addresses
// and profile, and the tenant's stores and reference data a customer of A reads. Those
// rows state V (a row that does not fails on the customer's data, which the vendors do
// not have); rows of operations on vendors (matrix_vendors_test.go) state all three.
//
// A company principal's cell is as stated (its own field, else C), or else the
// customer's. The people of a company are customer accounts of tenant A: wherever the
// customer's outcome owes nothing to its own carts, orders, addresses and profile, they
// get what it gets. Rows about the customer's own things state C; rows about companies,
// approvals and quotes state all four.
func (c Cells) orCustomer(own, group Outcome) Outcome {
	switch {
	case own.kind != unset:
		return own
	case group.kind != unset:
		return group
	}
	return c.CU
}

// Case is one operation of the matrix.
type Case struct {
	Name string
	// Op is the GraphQL document: one operation, a query, a mutation or a subscription.
	Op string
	// Vars builds the operation's variables from the fixture it runs against.
	Vars func(t testing.TB, f *fx) map[string]any
	// Headers, when set, are the request headers of each principal (e.g. its storefront,
	// see shopping); else the principal's credentials alone.
	Headers func(f *fx, principal string) testenv.Headers
	// Setup, for mutations only, brings the cell's fresh fixture into the state the
	// operation starts from (e.g. an order captured before it is refunded).
	Setup  func(t testing.TB, f *fx)
	Expect Cells
}

// readCases and writeCases are every query and every mutation row of the matrix.
func readCases() []Case {
	return vendorCatalogCells(slices.Concat(queryCases(), commerceQueryCases(), filterQueryCases(), tenantFieldCases(), integrationQueryCases(), webhookQueryCases(), syncQueryCases(), vendorQueryCases(), marketplaceQueryCases(), ledgerQueryCases(), companyReadCases(), approvalReadCases(), billingReadCases(), recurringReadCases()))
}
func writeCases() []Case {
	return vendorCatalogCells(slices.Concat(mutationCases(), commerceMutationCases(), invitationCases(), integrationCases(), webhookMutationCases(), syncMutationCases(), vendorMutationCases(), ledgerMutationCases(), vendorOrderMutationCases(), marketplaceProductCases(), companyWriteCases(), approvalWriteCases(), billingWriteCases(), recurringWriteCases()))
}

func allCases() []Case { return append(readCases(), writeCases()...) }

// parseOp returns the operation type ("query" or "mutation") and root field names.
func parseOp(op string) (string, []string, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: op})
	if err != nil {
		return "", nil, err
	}
	if len(doc.Operations) != 1 {
		return "", nil, fmt.Errorf("want one operation, have %d", len(doc.Operations))
	}
	o := doc.Operations[0]
	var names []string
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				if !strings.HasPrefix(s.Name, "__") {
					names = append(names, s.Name)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			}
		}
	}
	walk(o.SelectionSet)
	return string(o.Operation), names, nil
}

// checkCases verifies the table itself: unique names, parsable operations, and a cell
// for every matrix principal.
func checkCases(t *testing.T, cases []Case) {
	t.Helper()
	if got := len(testenv.Principals); got != len(Cells{}.byPrincipal()) {
		t.Fatalf("testenv.Principals has %d principals, Cells has %d: add the new principal to Cells", got, len(Cells{}.byPrincipal()))
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if c.Name == "" || seen[c.Name] {
			t.Errorf("case %q: names must be unique and non-empty", c.Name)
		}
		seen[c.Name] = true
		typ, _, err := parseOp(c.Op)
		if err != nil {
			t.Errorf("case %q: %v", c.Name, err)
		}
		if c.Setup != nil && typ != "mutation" {
			t.Errorf("case %q: only mutation cells get a fixture of their own to set up", c.Name)
		}
		cells := c.Expect.byPrincipal()
		for _, p := range testenv.Principals {
			o, ok := cells[p]
			if !ok || o.kind == unset {
				t.Errorf("case %q: no expected outcome for principal %s", c.Name, p)
			}
		}
	}
}

func TestMatrixCells(t *testing.T) { checkCases(t, append(allCases(), subscriptionCases()...)) }

// TestMatrixCoversSchema fails for any Query, Mutation or Subscription field of the
// executable schema that no case of the matrix runs.
func TestMatrixCoversSchema(t *testing.T) {
	f := newFx(t, testenv.SQLite(t))
	r := f.API.MustDo(t, f.As(testenv.SuperAdmin), `{ __schema {
		queryType { fields { name } }
		mutationType { fields { name } }
		subscriptionType { fields { name } }
	} }`, nil)
	var s struct {
		Schema struct {
			QueryType, MutationType, SubscriptionType struct {
				Fields []struct{ Name string }
			}
		} `json:"__schema"`
	}
	r.Decode(t, &s)
	if len(s.Schema.QueryType.Fields) == 0 || len(s.Schema.MutationType.Fields) == 0 || len(s.Schema.SubscriptionType.Fields) == 0 {
		t.Fatalf("introspection returned no fields: %s", r.Data)
	}
	covered := map[string]bool{}
	for _, c := range append(allCases(), subscriptionCases()...) {
		typ, fields, err := parseOp(c.Op)
		if err != nil {
			t.Fatalf("case %q: %v", c.Name, err)
		}
		for _, name := range fields {
			covered[typ+"."+name] = true
		}
	}
	for _, fld := range s.Schema.QueryType.Fields {
		if !covered["query."+fld.Name] {
			t.Errorf("Query.%s has no case in the authorization matrix", fld.Name)
		}
	}
	for _, fld := range s.Schema.MutationType.Fields {
		if !covered["mutation."+fld.Name] {
			t.Errorf("Mutation.%s has no case in the authorization matrix", fld.Name)
		}
	}
	for _, fld := range s.Schema.SubscriptionType.Fields {
		if !covered["subscription."+fld.Name] {
			t.Errorf("Subscription.%s has no case in the authorization matrix (matrix_subscriptions_test.go)", fld.Name)
		}
	}
}

// TestAuthorizationMatrix runs every cell. Query cases share one fixture per database;
// a mutation cell gets the fixture as freshly built, since it changes state (see
// cellPool).
func TestAuthorizationMatrix(t *testing.T) {
	checkCases(t, allCases())
	if t.Failed() {
		t.FailNow()
	}
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		t.Run("queries", func(t *testing.T) {
			f := newFx(t, db)
			for _, c := range readCases() {
				t.Run(c.Name, func(t *testing.T) {
					t.Parallel()
					for _, p := range testenv.Principals {
						t.Run(p, func(t *testing.T) {
							t.Parallel()
							runCell(t, f, c, p, false)
						})
					}
				})
			}
		})
		t.Run("mutations", func(t *testing.T) {
			pool := newCellPool(t, db.Dialect, parallelism())
			for _, c := range writeCases() {
				t.Run(c.Name, func(t *testing.T) {
					t.Parallel()
					for _, p := range testenv.Principals {
						t.Run(p, func(t *testing.T) {
							t.Parallel()
							runCell(t, pool.fixture(t), c, p, true)
						})
					}
				})
			}
		})
	})
}

// parallelism is how many cells run at once (go test -parallel).
func parallelism() int {
	n := runtime.GOMAXPROCS(0)
	if f := flag.Lookup("test.parallel"); f != nil {
		if v, err := strconv.Atoi(f.Value.String()); err == nil && v > 0 {
			n = v
		}
	}
	return min(n, 8)
}

// freshDB returns a new empty database of the dialect.
func freshDB(t *testing.T, dialect string) *testenv.DB {
	t.Helper()
	if dialect == "postgres" {
		return testenv.Postgres(t, os.Getenv("CITYOS_TEST_DATABASE_URL"))
	}
	return testenv.SQLite(t)
}

func runCell(t *testing.T, f *fx, c Case, principal string, mutation bool) {
	t.Helper()
	want := c.Expect.byPrincipal()[principal]
	var vars map[string]any
	if c.Vars != nil {
		vars = c.Vars(t, f)
	}
	if c.Setup != nil {
		c.Setup(t, f)
	}
	before, counted := 0, map[string]int(nil)
	if mutation {
		before = f.auditCount(t)
		if want.kind == deny {
			counted = writes(t, f.DB.SQL)
		}
	}
	h := f.As(principal)
	if c.Headers != nil {
		h = c.Headers(f, principal)
	}
	r := f.API.Do(t, h, c.Op, vars)
	err := want.eval(f, r)
	if err == nil && mutation && want.kind == deny {
		err = unchanged(f, t, before)
		if changed := written(counted, writes(t, f.DB.SQL)); err == nil && len(changed) > 0 {
			err = fmt.Errorf("refused, yet rows of %s were written", strings.Join(changed, ", "))
		}
	}
	if err != nil {
		t.Errorf("%s as %s: want %s: %v", c.Name, principal, want, err)
	}
}

// unchanged checks that a refused write changed nothing: every change writes an audit
// record.
func unchanged(f *fx, t *testing.T, before int) error {
	if after := f.auditCount(t); after != before {
		return fmt.Errorf("refused, yet %d audit record(s) were written: something changed", after-before)
	}
	return nil
}

func (o Outcome) eval(f *fx, r *testenv.Response) error {
	var data any
	if len(r.Data) > 0 {
		if err := json.Unmarshal(r.Data, &data); err != nil {
			return fmt.Errorf("data is not JSON: %s", r.Data)
		}
	}
	switch o.kind {
	case deny:
		if len(r.Errors) == 0 {
			return fmt.Errorf("got no error, data %s", r.Data)
		}
		for _, e := range r.Errors {
			if c, _ := e.Extensions["code"].(string); c != o.code {
				return fmt.Errorf("got %s", describe(r))
			}
		}
		if m, ok := data.(map[string]any); ok {
			for k, v := range m {
				if !empty(v) {
					return fmt.Errorf("refused, yet %s returned %v", k, v)
				}
			}
		}
		return nil
	case allow, filtered:
		for _, e := range r.Errors {
			if c, _ := e.Extensions["code"].(string); o.errCode == "" || c != o.errCode {
				return fmt.Errorf("got %s", describe(r))
			}
		}
		for _, c := range o.checks {
			if err := c(f, data); err != nil {
				return fmt.Errorf("%v (data %s)", err, r.Data)
			}
		}
		return nil
	}
	return fmt.Errorf("no expected outcome")
}

// empty: null, or a list of nulls (nodes).
func empty(v any) bool {
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if x != nil {
				return false
			}
		}
		return true
	}
	return v == nil
}

func describe(r *testenv.Response) string {
	var parts []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		parts = append(parts, fmt.Sprintf("%s %q at %v", c, e.Message, e.Path))
	}
	sort.Strings(parts)
	return fmt.Sprintf("errors [%s], data %s", strings.Join(parts, "; "), r.Data)
}

// sameForAll is a row whose every principal, vendors included, gets o.
func sameForAll(o Outcome) Cells {
	return Cells{SA: o, TA: o, SM: o, CU: o, PK: o, SK: o, AN: o, VA1: o, VS1: o, VA2: o, CA1: o, B1: o, CA2: o, B2: o}
}
