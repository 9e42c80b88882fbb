package workers

import (
	"fmt"

	"github.com/hibiken/asynq"
)

// queueMode says where the queue lives, for the start-up log: an operator should see at
// once whether the workers share a real Redis or run on the in-process one (whose
// queue dies with the process). The address is shown without its password.
func queueMode(opt asynq.RedisConnOpt, inProcess bool) (mode, addr string) {
	mode = "redis"
	if inProcess {
		mode = "embedded (in-process Redis: the queue lives and dies with this process)"
	}
	o, ok := opt.(asynq.RedisClientOpt)
	if !ok {
		return mode, fmt.Sprintf("%T", opt)
	}
	scheme := "redis"
	if o.TLSConfig != nil {
		scheme = "rediss"
	}
	var user string
	switch {
	case o.Username != "" && o.Password != "":
		user = o.Username + ":***@"
	case o.Username != "":
		user = o.Username + "@"
	case o.Password != "":
		user = ":***@"
	}
	return mode, fmt.Sprintf("%s://%s%s/%d", scheme, user, o.Addr, o.DB)
}
