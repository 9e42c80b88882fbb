package testenv

import (
	"context"
	"regexp"
	"sync"
	"testing"

	"github.com/dakkah/cityos/notification"
)

// Mailbox keeps the messages the platform sent, so a test can read what reached an
// address (an invitation's token, say) the way its owner would.
type Mailbox struct {
	mu   sync.Mutex
	sent []notification.Message
}

// Send keeps m.
func (b *Mailbox) Send(_ context.Context, m notification.Message) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sent = append(b.sent, m)
	return nil
}

var invitationToken = regexp.MustCompile(`inv_[A-Za-z0-9_-]+`)

// InvitationToken is the token of the last invitation sent to address.
func (b *Mailbox) InvitationToken(t testing.TB, address string) string {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := len(b.sent) - 1; i >= 0; i-- {
		if b.sent[i].To == address {
			if tok := invitationToken.FindString(b.sent[i].Text); tok != "" {
				return tok
			}
		}
	}
	t.Fatalf("no invitation was sent to %s", address)
	return ""
}
