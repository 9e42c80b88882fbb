package ratelimit

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// push adds to a key's shared bucket the requests an instance admitted (they were
// admitted: they count whatever the limit says) and answers how far ahead of now the
// bucket's TAT is, in microseconds: the state every instance starts again from. Times
// are Redis's own, and what travels is relative, so instances' clocks need not agree.
// Numbers are formatted with %d: Lua's default formatting would round them.
var push = redis.NewScript(`
redis.replicate_commands()
local t = redis.call("TIME")
local now = t[1] * 1000000 + t[2]
local tat = tonumber(redis.call("GET", KEYS[1]) or "0")
if tat < now then tat = now end
tat = tat + math.ceil(tonumber(ARGV[1]) * tonumber(ARGV[2]))
local ahead = tat - now
if ahead > 0 then
  redis.call("SET", KEYS[1], string.format("%d", tat), "PX", math.ceil(ahead / 1000))
end
return ahead
`)

// maxBatch bounds one sync's pipeline; keys left over wait for the next sync.
const maxBatch = 10_000

type sharedState struct {
	rdb      *redis.Client
	prefix   string
	logger   interface{ Warn(string, ...any) }
	lastWarn atomic.Int64
}

func newSharedState(cfg Config) *sharedState {
	return &sharedState{rdb: cfg.Redis, prefix: cfg.Prefix, logger: cfg.Logger}
}

type pending struct {
	s   *shard
	key string
	b   *bucket
	n   int64   // admitted, pushed now
	us  float64 // what one request adds, in microseconds
	cmd *redis.Cmd
}

// sync pushes every asked bucket's admitted requests and takes back the shared state.
func (st *sharedState) sync(ctx context.Context, t *table, now func() int64) error {
	var batch []pending
	for i := range t.shards {
		s := &t.shards[i]
		s.mu.Lock()
		for k, b := range s.buckets {
			if len(batch) == maxBatch {
				break
			}
			if b.asked {
				batch = append(batch, pending{s: s, key: k, b: b, n: b.admitted,
					us: float64(b.interval) / float64(time.Microsecond)})
				b.asked, b.admitted = false, 0
			}
		}
		s.mu.Unlock()
	}
	if len(batch) == 0 {
		return nil
	}
	err := st.exec(ctx, batch)
	if err != nil && strings.HasPrefix(err.Error(), "NOSCRIPT") { // Redis restarted, or its scripts flushed
		if err = push.Load(ctx, st.rdb).Err(); err == nil {
			err = st.exec(ctx, batch)
		}
	}
	if err != nil {
		for _, p := range batch { // to be pushed next time
			p.s.mu.Lock()
			p.b.asked, p.b.admitted = true, p.b.admitted+p.n
			p.s.mu.Unlock()
		}
		return fmt.Errorf("ratelimit: sync with redis: %w", err)
	}
	at := now()
	for _, p := range batch {
		ahead, _ := p.cmd.Int64()
		p.s.mu.Lock()
		// What the instance admitted since the push is not in Redis's answer yet.
		p.b.tat = max(p.b.tat, at+ahead*int64(time.Microsecond)+p.b.admitted*p.b.interval)
		p.s.mu.Unlock()
	}
	return nil
}

func (st *sharedState) exec(ctx context.Context, batch []pending) error {
	pipe := st.rdb.Pipeline()
	for i := range batch {
		p := &batch[i]
		p.cmd = push.EvalSha(ctx, pipe, []string{st.prefix + p.key}, p.us, p.n)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// warn logs a failed sync, at most every WarnEvery.
func (st *sharedState) warn(err error) {
	now := time.Now().UnixNano()
	last := st.lastWarn.Load()
	if now-last >= int64(WarnEvery) && st.lastWarn.CompareAndSwap(last, now) {
		st.logger.Warn("rate limiter: Redis unavailable, limiting with this instance's buckets alone", "error", err)
	}
}
