package workers

import (
	"context"
	"sync"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
)

// storeNameTTL is how long an email may name a store by a name read earlier: a store
// renamed less than this ago may still be called by its old name.
const storeNameTTL = time.Minute

// storeNames remembers the names order emails give their stores: every email names one,
// a platform's stores are far fewer than its orders, and they are seldom renamed.
type storeNames struct {
	mu    sync.Mutex
	names map[int]keptName
	now   func() time.Time
}

type keptName struct {
	name string
	at   time.Time
}

func newStoreNames() *storeNames {
	return &storeNames{names: map[int]keptName{}, now: time.Now}
}

// name is the name of the store with id (ctx must be allowed to read it). A nil
// storeNames reads it every time.
func (s *storeNames) name(ctx context.Context, client *ent.Client, id int) (string, error) {
	if s != nil {
		s.mu.Lock()
		k, ok := s.names[id]
		s.mu.Unlock()
		if ok && s.now().Sub(k.at) < storeNameTTL {
			return k.name, nil
		}
	}
	st, err := client.Store.Query().Where(store.ID(id)).Select(store.FieldName).Only(ctx)
	if err != nil {
		return "", err
	}
	if s != nil {
		s.mu.Lock()
		s.names[id] = keptName{name: st.Name, at: s.now()}
		s.mu.Unlock()
	}
	return st.Name, nil
}
