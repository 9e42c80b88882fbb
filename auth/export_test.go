package auth

// DummyHash exposes the hash DummyCheck compares against, to tests.
var DummyHash = dummyHash
