package integration

import (
	"context"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
)

// DefaultOverlap is how long the previous secret still signs after a rotation when the
// caller does not say; MaxOverlap the longest it may.
const (
	DefaultOverlap = 24 * time.Hour
	MaxOverlap     = 7 * 24 * time.Hour
)

// RotateSecret gives endpoint id a new secret, returned this once. For overlap (nil:
// DefaultOverlap; 0: none) deliveries are signed with both the new and the previous
// secret, so the receiver can switch without rejecting one. A secret older than the
// previous one (a second rotation within the overlap) stops signing at once.
func (s *Service) RotateSecret(ctx context.Context, id int, overlap *time.Duration) (WithSecret, error) {
	d := DefaultOverlap
	if overlap != nil {
		d = *overlap
	}
	if d < 0 || d > MaxOverlap {
		return WithSecret{}, apperr.Invalid("overlapSeconds", "between 0 and %d seconds (7 days)", int(MaxOverlap.Seconds()))
	}
	if _, err := s.managed(ctx, id); err != nil {
		return WithSecret{}, err
	}
	return s.withNewSecret(ctx, func(tx *ent.Tx, secret string) (*ent.IntegrationEndpoint, error) {
		// Read again inside the transaction: the secret being retired is the one that
		// signs now, even if another rotation just committed.
		e, err := tx.IntegrationEndpoint.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		u := tx.IntegrationEndpoint.UpdateOneID(id).SetSecret(secret)
		if d > 0 {
			u.SetPreviousSecret(e.Secret).SetPreviousSecretExpiresAt(s.Now().Add(d))
		} else {
			u.ClearPreviousSecret().ClearPreviousSecretExpiresAt()
		}
		return u.Save(ctx)
	})
}
