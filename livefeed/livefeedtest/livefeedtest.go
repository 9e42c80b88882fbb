// Package livefeedtest is a GraphQL-over-WebSocket client (graphql-transport-ws) for
// tests, and helpers that place an order and publish its event as the workers would.
package livefeedtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// Wait bounds every wait of a test on the connection: a guard against a hung test, not
// a measure of speed.
const Wait = 30 * time.Second

// Message is one graphql-transport-ws message.
type Message struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Conn is a client connection.
type Conn struct {
	ws   *websocket.Conn
	in   chan Message
	done chan struct{}
	mu   sync.Mutex
	err  error // why reading stopped: the close frame, as a websocket.CloseError
}

// Dial connects to url (ws://…/graphql) and sends connection_init with payload. It
// returns once the server acknowledges; a refusal is returned as the close error.
func Dial(t testing.TB, url string, payload map[string]any) (*Conn, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Wait)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, err
	}
	c := &Conn{ws: ws, in: make(chan Message, 64), done: make(chan struct{})}
	t.Cleanup(func() { _ = ws.CloseNow() })
	go c.read()
	init, _ := json.Marshal(payload)
	if err := c.send(Message{Type: "connection_init", Payload: init}); err != nil {
		return nil, err
	}
	m, err := c.Next(t)
	if err != nil {
		return nil, err
	}
	if m.Type != "connection_ack" {
		return nil, fmt.Errorf("want connection_ack, got %s %s", m.Type, m.Payload)
	}
	return c, nil
}

// MustDial is Dial that fails the test when the server refuses.
func MustDial(t testing.TB, url string, payload map[string]any) *Conn {
	t.Helper()
	c, err := Dial(t, url, payload)
	require.NoError(t, err)
	return c
}

// Bearer is a connection_init payload carrying an access token.
func Bearer(token string) map[string]any { return map[string]any{"Authorization": "Bearer " + token} }

// InitOf turns a principal's request headers into a connection_init payload.
func InitOf(h testenv.Headers) map[string]any {
	p := map[string]any{}
	for k, v := range h {
		p[k] = v
	}
	return p
}

func (c *Conn) read() {
	defer close(c.done)
	for {
		_, data, err := c.ws.Read(context.Background())
		if err != nil {
			c.mu.Lock()
			c.err = err
			c.mu.Unlock()
			return
		}
		var m Message
		if json.Unmarshal(data, &m) != nil {
			continue
		}
		switch m.Type {
		case "ping":
			_ = c.send(Message{Type: "pong"})
		case "pong", "ka":
		default:
			c.in <- m
		}
	}
}

func (c *Conn) send(m Message) error {
	b, _ := json.Marshal(m)
	ctx, cancel := context.WithTimeout(context.Background(), Wait)
	defer cancel()
	return c.ws.Write(ctx, websocket.MessageText, b)
}

// Subscribe starts operation id.
func (c *Conn) Subscribe(t testing.TB, id, query string, vars map[string]any) {
	t.Helper()
	p, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, c.send(Message{ID: id, Type: "subscribe", Payload: p}))
}

// Stop ends operation id.
func (c *Conn) Stop(t testing.TB, id string) {
	t.Helper()
	require.NoError(t, c.send(Message{ID: id, Type: "complete"}))
}

// Next is the next message, or the error the connection ended with.
func (c *Conn) Next(t testing.TB) (Message, error) {
	t.Helper()
	select {
	case m := <-c.in:
		return m, nil
	case <-c.done:
		select { // messages read before the close come first
		case m := <-c.in:
			return m, nil
		default:
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		return Message{}, c.err
	case <-time.After(Wait):
		return Message{}, errors.New("no message from the server")
	}
}

// NextData is the next result of a subscription: the data of a "next" message. An
// error message or the end of the connection fails the test.
func (c *Conn) NextData(t testing.TB, v any) string {
	t.Helper()
	m, err := c.Next(t)
	require.NoError(t, err)
	require.Equal(t, "next", m.Type, "payload %s", m.Payload)
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []any           `json:"errors"`
	}
	require.NoError(t, json.Unmarshal(m.Payload, &r))
	require.Empty(t, r.Errors, "%s", m.Payload)
	require.NoError(t, json.Unmarshal(r.Data, v), "%s", r.Data)
	return m.ID
}

// ErrorCodes is the codes of the next refusal of a subscription (the "complete" that
// follows an earlier one is skipped).
func (c *Conn) ErrorCodes(t testing.TB) []string {
	t.Helper()
	m, err := c.Next(t)
	for err == nil && m.Type == "complete" {
		m, err = c.Next(t)
	}
	require.NoError(t, err)
	var errs []struct {
		Extensions map[string]any `json:"extensions"`
	}
	switch m.Type {
	case "error":
		require.NoError(t, json.Unmarshal(m.Payload, &errs), "%s", m.Payload)
	case "next": // an error of the resolver comes as a result with errors
		var r struct {
			Errors []struct {
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		require.NoError(t, json.Unmarshal(m.Payload, &r), "%s", m.Payload)
		errs = r.Errors
	default:
		t.Fatalf("want an error, got %s %s", m.Type, m.Payload)
	}
	var codes []string
	for _, e := range errs {
		code, _ := e.Extensions["code"].(string)
		codes = append(codes, code)
	}
	return codes
}

// Closed waits for the connection to end and returns its close code and reason,
// skipping messages still in flight.
func (c *Conn) Closed(t testing.TB) (websocket.StatusCode, string) {
	t.Helper()
	for {
		_, err := c.Next(t)
		if err == nil {
			continue
		}
		var ce websocket.CloseError
		require.ErrorAs(t, err, &ce)
		return ce.Code, ce.Reason
	}
}

// URL is the WebSocket address of the API at base (http://…).
func URL(base string) string { return "ws" + strings.TrimPrefix(base, "http") + "/graphql" }

var keys struct {
	sync.Mutex
	n int
}

// Place completes a cart of the commerce fixture in store (A1: a thobe, A2: a hijab,
// B1: a gadget), as a guest.
func Place(t testing.TB, c *testenv.Commerce, store *ent.Store) *ent.Order {
	t.Helper()
	keys.Lock()
	keys.n++
	key := fmt.Sprintf("live-%d", keys.n)
	keys.Unlock()
	spec := ct.Cart{Store: store}
	if store.ID == c.StoreA2.ID {
		spec.Items = []ct.Item{ct.Of("hijab", 1)}
	}
	cart := ct.Build(t, c, spec)
	o, err := c.API.App.Checkout.Complete(ct.Shopper(store), cart.Token, key, checkout.Edges{})
	require.NoError(t, err)
	return o
}

// Envelope is the relayed event of order o's order.placed, as the relay hands it to the
// workers' consumers.
func Envelope(t testing.TB, client *ent.Client, o *ent.Order) outbox.Event {
	t.Helper()
	ctx := viewer.SystemContext(context.Background(), "livefeed-test")
	rows, err := client.OutboxEvent.Query().Where(outboxevent.Topic(outbox.OrderPlaced)).
		Order(ent.Desc(outboxevent.FieldID)).All(ctx)
	require.NoError(t, err)
	for _, row := range rows {
		body, _ := json.Marshal(row.Payload)
		ev := outbox.Envelope(row, body)
		if ev.AggregateType == "order" && ev.AggregateID == o.ID {
			return ev
		}
	}
	t.Fatalf("no order.placed event for order %d", o.ID)
	return outbox.Event{}
}
