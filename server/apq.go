package server

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/redis/go-redis/v9"
)

// persistedQueries keeps automatic persisted queries in Redis, so a hash registered
// through one API instance is known to all of them, with a small local cache in front.
type persistedQueries struct {
	rdb   *redis.Client
	local *lru.LRU[string]
	ttl   time.Duration
}

var _ graphql.Cache[string] = (*persistedQueries)(nil)

const apqPrefix = "cityos:apq:"

func newPersistedQueries(rdb *redis.Client) *persistedQueries {
	return &persistedQueries{rdb: rdb, local: lru.New[string](1000), ttl: 24 * time.Hour}
}

func (p *persistedQueries) Get(ctx context.Context, hash string) (string, bool) {
	if q, ok := p.local.Get(ctx, hash); ok {
		return q, true
	}
	q, err := p.rdb.Get(ctx, apqPrefix+hash).Result()
	if err != nil {
		return "", false // unknown, or Redis down: the client sends the full query again
	}
	p.local.Add(ctx, hash, q)
	return q, true
}

func (p *persistedQueries) Add(ctx context.Context, hash, query string) {
	p.local.Add(ctx, hash, query)
	// Best effort: a lost write only costs one more round trip with the full query.
	_ = p.rdb.Set(ctx, apqPrefix+hash, query, p.ttl).Err()
}
