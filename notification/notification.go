// Package notification sends messages to people (order confirmations, shipping notices)
// through a provider chosen by configuration: the log (the default, for development) or
// SendGrid. Senders are called from background workers only, never on a request path.
package notification

import (
	"context"
	"log/slog"

	"github.com/dakkah/cityos/config"
)

// Message is one email.
type Message struct {
	To      string
	Subject string
	Text    string
	HTML    string // optional
}

// Provider delivers messages. Send returns an error when the message was not accepted,
// so the caller can retry.
type Provider interface {
	Send(ctx context.Context, m Message) error
}

// FromConfig returns the provider cfg names (config.FromEnv has validated it).
func FromConfig(cfg config.Config, log *slog.Logger) Provider {
	if cfg.Notifications == "sendgrid" {
		return NewSendGrid(cfg.SendGridAPIBase, cfg.SendGridAPIKey, cfg.MailFrom)
	}
	return Log{Logger: log}
}

// Log writes messages to the log instead of sending them.
type Log struct{ Logger *slog.Logger }

// Send logs m.
func (l Log) Send(ctx context.Context, m Message) error {
	log := l.Logger
	if log == nil {
		log = slog.Default()
	}
	log.InfoContext(ctx, "notification (log provider; set CITYOS_NOTIFICATIONS=sendgrid to deliver)",
		"to", m.To, "subject", m.Subject, "text", m.Text)
	return nil
}
