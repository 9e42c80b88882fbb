package identity_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/testenv"
)

// A publishable key is read from the database once per PublishableKeyTTL: a key revoked
// behind an instance's back opens the storefront until then, and not after.
func TestPublishableKeysAreHeldForTheirTTL(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, clk := service(t, db)
		pk := f.Keys[testenv.PublishableA]
		_, err := svc.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		require.NoError(t, err)

		require.NoError(t, db.Client.APIKey.UpdateOneID(f.KeyA1.ID).SetRevokedAt(clk.now()).Exec(sysCtx()))
		v, err := svc.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		require.NoError(t, err, "held in memory")
		assert.Equal(t, f.StoreA1.ID, v.StoreID)

		clk.advance(identity.PublishableKeyTTL + time.Millisecond)
		_, err = svc.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		assert.Equal(t, "invalid API key", requireUnauthenticated(t, err))
	})
}

// The instance that revokes a key refuses it at once, held in memory or not.
func TestRevokingAPublishableKeyForgetsIt(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ids := f.API.App.Identity
		pk := f.Keys[testenv.PublishableA]
		_, err := ids.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		require.NoError(t, err)

		_, err = f.API.App.Tenancy.RevokeAPIKey(sysCtx(), f.KeyA1.ID)
		require.NoError(t, err)
		_, err = ids.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		assert.Equal(t, "invalid API key", requireUnauthenticated(t, err))
	})
}

// A viewer handed out from memory is the caller's own: changing it changes no other.
func TestHeldKeyViewersAreCopies(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		pk := f.Keys[testenv.PublishableA]
		first, err := svc.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		require.NoError(t, err)
		first.StoreID = -1
		again, err := svc.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		require.NoError(t, err)
		assert.Equal(t, f.StoreA1.ID, again.StoreID)
	})
}
