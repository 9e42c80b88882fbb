package main

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
)

// floorStore is the store a storefront host names, as the floor finds it: by a verified
// domain, else by the subdomain label under the platform domain; an active store of an
// active tenant. The API keeps what resolution found in memory too, so the floor does.
type floorStore struct {
	id, tenantID int64
}

type floorStores struct {
	db       *sql.DB
	platform string
	mu       sync.Mutex
	byHost   map[string]floorStore
}

var errNoStore = errors.New("no store at this host")

func (s *floorStores) lookup(ctx context.Context, host string) (floorStore, error) {
	host = strings.ToLower(strings.TrimSpace(host))
	s.mu.Lock()
	st, ok := s.byHost[host]
	s.mu.Unlock()
	if ok {
		return st, nil
	}
	const q = `SELECT s.id, s.tenant_id FROM stores s JOIN tenants t ON t.id = s.tenant_id
		WHERE s.status = 'active' AND t.status = 'active' AND (
			s.id IN (SELECT store_id FROM domains WHERE hostname = $1 AND status = 'verified')
			OR s.subdomain = $2)
		ORDER BY s.id LIMIT 1`
	label, _ := strings.CutSuffix(host, "."+s.platform)
	err := s.db.QueryRowContext(ctx, q, host, label).Scan(&st.id, &st.tenantID)
	if errors.Is(err, sql.ErrNoRows) {
		return st, errNoStore
	}
	if err != nil {
		return st, err
	}
	s.mu.Lock()
	s.byHost[host] = st
	s.mu.Unlock()
	return st, nil
}
