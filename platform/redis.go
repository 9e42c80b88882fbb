package platform

import (
	"fmt"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// OpenRedis connects to REDIS_URL, or with an empty url starts an in-process Redis
// (miniredis) so the embedded mode needs nothing installed. stop closes either.
func OpenRedis(url string) (rdb *redis.Client, addr string, stop func(), err error) {
	if url == "" {
		mr, err := miniredis.Run()
		if err != nil {
			return nil, "", nil, fmt.Errorf("start in-process redis: %w", err)
		}
		rdb = redis.NewClient(&redis.Options{Addr: mr.Addr()})
		return rdb, mr.Addr(), func() { _ = rdb.Close(); mr.Close() }, nil
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, "", nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	rdb = redis.NewClient(opt)
	return rdb, opt.Addr, func() { _ = rdb.Close() }, nil
}
