// Package auth holds the credential primitives of the API: password hashing,
// access-token JWTs and opaque secret tokens (API keys, refresh tokens,
// verification tokens). It knows nothing about HTTP or storage; callers decide
// where credentials come from and where their hashes are kept.
package auth
