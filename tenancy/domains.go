package tenancy

import (
	"context"
	"errors"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/txn"
)

// TXT record a domain owner publishes to prove control of a hostname.
const verifyRecordPrefix = "_cityos-verify."

// DomainChallenge is the DNS TXT record that proves control of a domain.
type DomainChallenge struct {
	Domain         *ent.Domain
	TxtRecordName  string
	TxtRecordValue string
}

// Challenge returns the TXT record for a domain.
func Challenge(d *ent.Domain) DomainChallenge {
	return DomainChallenge{Domain: d, TxtRecordName: verifyRecordPrefix + d.Hostname, TxtRecordValue: "cityos-verify=" + d.VerificationToken}
}

// AddDomain attaches a pending custom domain to a store.
func (s *Service) AddDomain(ctx context.Context, storeID int, hostname string) (DomainChallenge, error) {
	host, err := Hostname("hostname", hostname, s.PlatformDomain)
	if err != nil {
		return DomainChallenge{}, err
	}
	var out *ent.Domain
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		st, err := tx.Store.Get(ctx, storeID)
		if err != nil {
			return err
		}
		// Only a verified claim blocks a new one: pending claims of other tenants are
		// neither an obstacle nor revealed (a squatter cannot hold a hostname it does not
		// control, nor can anyone probe what others are trying to claim).
		taken, err := tx.Domain.Query().Where(domain.Hostname(host), domain.StatusEQ(domain.StatusVerified)).Exist(systemRead(ctx))
		if err != nil {
			return err
		}
		if taken {
			return apperr.New(apperr.Conflict, "that hostname already serves a store")
		}
		out, err = tx.Domain.Create().SetTenantID(st.TenantID).SetStoreID(st.ID).SetHostname(host).
			SetVerificationToken(auth.RandomHex(16)).Save(ctx)
		return txn.Conflict(err, "that hostname is already attached to one of this tenant's stores")
	})
	if err != nil {
		return DomainChallenge{}, err
	}
	return Challenge(out.Unwrap()), nil
}

// RemoveDomain detaches a custom domain.
func (s *Service) RemoveDomain(ctx context.Context, id int) error {
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Domain.Get(ctx, id); err != nil {
			return err
		}
		return tx.Domain.DeleteOneID(id).Exec(ctx)
	})
	if err == nil {
		s.changed(ctx)
	}
	return err
}

// TXTLookup returns the TXT records of a DNS name (net.Resolver.LookupTXT in production).
type TXTLookup func(ctx context.Context, name string) ([]string, error)

// DefaultVerificationWindow is how long a domain may stay pending before a failed check
// marks it failed (DNS changes can take a while to be seen), unless
// Service.VerificationWindow says otherwise.
const DefaultVerificationWindow = 24 * time.Hour

func (s *Service) verificationWindow() time.Duration {
	if s.VerificationWindow > 0 {
		return s.VerificationWindow
	}
	return DefaultVerificationWindow
}

// errClaimedMeanwhile says another claim of the hostname was verified first.
var errClaimedMeanwhile = errors.New("hostname verified by another claim")

// VerifyDomain checks the domain's TXT record. Found: the domain is verified and
// resolves to its store — unless another claim of the hostname was verified first, in
// which case this one fails (the first verified claim wins; the unique index on verified
// hostnames settles a race). Not found: it stays pending, or is marked failed once the
// verification window has passed.
func (s *Service) VerifyDomain(ctx context.Context, id int, lookup TXTLookup) (*ent.Domain, error) {
	out, err := s.verifyDomain(ctx, id, lookup)
	if errors.Is(err, errClaimedMeanwhile) {
		out, err = txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Domain, error) {
			return tx.Domain.UpdateOneID(id).SetStatus(domain.StatusFailed).Save(ctx)
		})
	}
	if err != nil {
		return nil, err
	}
	s.changed(ctx)
	return out, nil
}

func (s *Service) verifyDomain(ctx context.Context, id int, lookup TXTLookup) (*ent.Domain, error) {
	var out *ent.Domain
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		d, err := tx.Domain.Get(ctx, id)
		if err != nil {
			return err
		}
		if d.Status == domain.StatusVerified {
			out = d
			return nil
		}
		// Once another claim of the hostname is verified, this one has lost for good.
		winner, err := tx.Domain.Query().Where(domain.Hostname(d.Hostname), domain.StatusEQ(domain.StatusVerified)).Exist(systemRead(ctx))
		if err != nil {
			return err
		}
		if winner {
			return errClaimedMeanwhile
		}
		ch := Challenge(d)
		records, _ := lookup(ctx, ch.TxtRecordName) // a lookup failure is simply "not there yet"
		found := false
		for _, r := range records {
			found = found || r == ch.TxtRecordValue
		}
		switch {
		case found:
			out, err = tx.Domain.UpdateOneID(id).SetStatus(domain.StatusVerified).SetVerifiedHostname(d.Hostname).SetVerifiedAt(time.Now()).Save(ctx)
			if ent.IsConstraintError(err) {
				return errClaimedMeanwhile
			}
			return err
		case time.Since(d.CreatedAt) > s.verificationWindow():
			out, err = tx.Domain.UpdateOneID(id).SetStatus(domain.StatusFailed).Save(ctx)
		default:
			out = d
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}
