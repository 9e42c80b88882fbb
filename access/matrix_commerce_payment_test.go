package access_test

import (
	"testing"

	"github.com/dakkah/cityos/ent"
)

// paymentMutationCases are the rows of payment sessions: opened by whoever reaches the
// cart, as completeCart is (the fixture's platform pays manually: nothing to confirm).
func paymentMutationCases() []Case {
	notFound, badInput := Deny("NOT_FOUND"), Deny("BAD_USER_INPUT")
	staff := Deny("FORBIDDEN") // staff reach carts but never change them (access.MayChangeCart)
	session := func(pick func(f *fx) *ent.Cart, provider any) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any {
			return map[string]any{"c": gid(pick(f).Token), "p": provider}
		}
	}
	const op = `mutation($c: ID!, $p: String) { createPaymentSession(cartId: $c, provider: $p) {
		provider id clientSecret amount currencyCode status } }`
	opened := Allow(Eq("createPaymentSession.provider", "manual"), Eq("createPaymentSession.status", "ready"),
		Eq("createPaymentSession.currencyCode", "SAR"), NotNull("createPaymentSession.amount"),
		Null("createPaymentSession.id"), Null("createPaymentSession.clientSecret"))
	a1 := func(f *fx) *ent.Cart { return f.CartA1 }
	return []Case{
		{
			// customer_A's cart in A1, with no store named.
			Name:   "createPaymentSession/A1's cart",
			Op:     op,
			Vars:   session(a1, nil),
			Expect: Cells{SA: staff, TA: staff, SM: staff, CU: opened, PK: opened, SK: notFound, AN: badInput, V: notFound, C: notFound},
		},
		{
			Name:    "createPaymentSession/A1's cart in the storefront",
			Op:      op,
			Vars:    session(a1, "manual"),
			Headers: shopping,
			Expect:  Cells{SA: opened, TA: opened, SM: opened, CU: opened, PK: opened, SK: notFound, AN: opened},
		},
		{
			// A guest's cart in A2: not A1's manager's, nor A1's key's.
			Name:   "createPaymentSession/A2's cart",
			Op:     op,
			Vars:   session(func(f *fx) *ent.Cart { return f.CartA2 }, nil),
			Expect: Cells{SA: staff, TA: staff, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: badInput},
		},
		{
			// B1's cart token used in A1's storefront: only the platform and B's key.
			Name:    "createPaymentSession/B1's cart via A1",
			Op:      op,
			Vars:    session(func(f *fx) *ent.Cart { return f.CartB1 }, nil),
			Headers: shopping,
			Expect: Cells{SA: staff, TA: notFound, SM: notFound, CU: notFound, PK: notFound,
				SK: opened, AN: notFound},
		},
		{
			// A provider the platform does not offer, for whoever reaches the cart.
			Name:    "createPaymentSession/unknown provider",
			Op:      op,
			Vars:    session(a1, "paypal"),
			Headers: shopping,
			Expect:  Cells{SA: badInput, TA: badInput, SM: badInput, CU: badInput, PK: badInput, SK: notFound, AN: badInput},
		},
	}
}
