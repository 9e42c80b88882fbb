// Package customer manages a tenant's customer accounts: registration, sign-in and
// address books. A customer account belongs to one tenant (its realm), so the same
// e-mail can shop at two tenants with two separate accounts.
package customer

// RegisterInput is the input of Register.
type RegisterInput struct {
	Email    string
	Password string
	Name     *string
	StoreID  *int
}
