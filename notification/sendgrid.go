package notification

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// DefaultSendGridBase is SendGrid's API.
const DefaultSendGridBase = "https://api.sendgrid.com"

// SendGrid sends through SendGrid's v3 Mail Send API.
type SendGrid struct {
	Base   string // API base URL, without a trailing slash
	Key    string
	From   string
	Client *http.Client
}

// NewSendGrid returns a SendGrid provider; base "" is DefaultSendGridBase.
func NewSendGrid(base, key, from string) *SendGrid {
	if base == "" {
		base = DefaultSendGridBase
	}
	return &SendGrid{Base: strings.TrimRight(base, "/"), Key: key, From: from, Client: &http.Client{Timeout: 15 * time.Second}}
}

type sgAddress struct {
	Email string `json:"email"`
}

type sgContent struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

type sgMail struct {
	Personalizations []struct {
		To []sgAddress `json:"to"`
	} `json:"personalizations"`
	From    sgAddress   `json:"from"`
	Subject string      `json:"subject"`
	Content []sgContent `json:"content"`
}

// Send posts m to {Base}/v3/mail/send. Any status but 2xx is an error naming it.
func (s *SendGrid) Send(ctx context.Context, m Message) error {
	var body sgMail
	body.Personalizations = make([]struct {
		To []sgAddress `json:"to"`
	}, 1)
	body.Personalizations[0].To = []sgAddress{{Email: m.To}}
	body.From = sgAddress{Email: s.From}
	body.Subject = m.Subject
	// SendGrid wants text/plain before text/html.
	body.Content = []sgContent{{Type: "text/plain", Value: m.Text}}
	if m.HTML != "" {
		body.Content = append(body.Content, sgContent{Type: "text/html", Value: m.HTML})
	}
	buf, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.Base+"/v3/mail/send", bytes.NewReader(buf))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.Key)
	req.Header.Set("Content-Type", "application/json")
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("sendgrid: %w", err)
	}
	defer res.Body.Close()
	detail, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return fmt.Errorf("sendgrid: status %d: %s", res.StatusCode, strings.TrimSpace(string(detail)))
	}
	return nil
}
