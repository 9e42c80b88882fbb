package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/reqid"
	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/viewer"
)

// Close codes of the graphql-transport-ws protocol (and graphql-ws's client): a client
// closed with 4401 or 4403 does not retry with the same credentials.
const (
	closeUnauthorized    = 4401
	closeForbidden       = 4403
	closeTooManyRequests = 4429
	closeInternal        = 4500
)

const (
	wsInitTimeout = 10 * time.Second
	// wsPingInterval: the server pings and drops a client that does not answer within
	// twice the interval, so dead connections do not hold subscriptions.
	wsPingInterval = 25 * time.Second
	// DefaultWSRecheck is how often a connection's credentials are checked again: a
	// revoked key or a deactivated user loses its feed within this time.
	DefaultWSRecheck = 30 * time.Second
)

// liveSockets serves GraphQL subscriptions over WebSocket at GET /graphql: the
// credentials come in connection_init, are checked as an HTTP request's are, and the
// connection ends when they expire or stop being valid.
type liveSockets struct {
	ids       *identity.Service
	failures  *ratelimit.Failures
	trust     bool
	origins   originPolicy
	recheck   time.Duration
	maxSubs   int
	connected atomic.Int64
	log       *slog.Logger
	// operations charges what the sockets run to their callers' rate limits.
	operations socketOperations
}

func newLiveSockets(d Deps, failures *ratelimit.Failures, reg prometheus.Registerer) *liveSockets {
	ls := &liveSockets{ids: d.Identity, failures: failures, trust: d.Config.TrustProxy,
		origins: newOriginPolicy(d.Config.CORSOrigins), recheck: d.Config.WSRecheck,
		maxSubs: d.Config.MaxSubscriptions, log: d.Logger}
	if ls.recheck <= 0 {
		ls.recheck = DefaultWSRecheck
	}
	if ls.log == nil {
		ls.log = slog.Default()
	}
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "cityos_subscription_clients", Help: "WebSocket clients connected for GraphQL subscriptions.",
	}, func() float64 { return float64(ls.connected.Load()) }))
	if d.Live != nil {
		reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cityos_subscriptions", Help: "GraphQL subscriptions served by this instance.",
		}, func() float64 { return float64(d.Live.Subscribers()) }))
	}
	return ls
}

// Connected is how many WebSocket clients this server holds.
func (ls *liveSockets) Connected() int64 { return ls.connected.Load() }

// transport is gqlgen's WebSocket transport, configured.
func (ls *liveSockets) transport() transport.Websocket {
	return transport.Websocket{
		// The origin is checked before the upgrade (handler), against the CORS origins.
		Implementation:   closingSockets{transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{InsecureSkipVerify: true}}},
		InitFunc:         ls.init,
		InitTimeout:      wsInitTimeout,
		PingPongInterval: wsPingInterval,
		// graphql-ws's legacy protocol has no pings: the server's keep-alive instead.
		KeepAlivePingInterval: wsPingInterval,
	}
}

// handler wraps the GraphQL handler for upgrade requests: the origin policy, the count
// of connected clients, and the connection's state for init and close.
func (ls *liveSockets) handler(gql http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !ls.origins.allows(r) {
			middleware.WriteError(w, r, http.StatusForbidden, apperr.Forbidden, "origin not allowed", nil)
			return
		}
		ls.connected.Add(1)
		defer ls.connected.Add(-1)
		st := &socketState{ip: middleware.ClientIP(r, ls.trust)}
		gql.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), socketKey{}, st)))
	})
}

// init authenticates connection_init's credentials. No credentials is an anonymous
// connection, refused by each subscription as a query would be; bad ones end it.
func (ls *liveSockets) init(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
	st, _ := ctx.Value(socketKey{}).(*socketState)
	if st == nil {
		st = &socketState{}
	}
	hdr := initHeaders(p)
	creds := headerCredentials(hdr)
	if creds {
		if _, blocked := ls.failures.Blocked(ctx, st.ip); blocked {
			return refuse(ctx, closeTooManyRequests, "too many failed sign-ins from this address")
		}
	}
	v, err := viewerOfHeaders(ctx, hdr, ls.ids)
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == apperr.Unauthenticated {
			ls.failures.Fail(ctx, st.ip)
			return refuse(ctx, closeUnauthorized, e.Message)
		}
		middleware.Logger(ctx).Error("websocket authentication failed", "err", err.Error())
		return refuse(ctx, closeInternal, "internal error")
	}
	ctx, cancel := context.WithCancel(ctx)
	st.setCancel(cancel)
	ctx = livefeed.WithConnectionLimit(reqid.WithClient(viewer.NewContext(ctx, v), st.ip), ls.maxSubs)
	if creds {
		var expires time.Time
		if tok, ok := strings.CutPrefix(hdr.Get("Authorization"), "Bearer "); ok {
			expires, _ = ls.ids.AccessExpiry(strings.TrimSpace(tok))
		}
		go ls.watch(ctx, st, v, hdr, expires)
	}
	return ctx, nil, nil
}

func refuse(ctx context.Context, code int, msg string) (context.Context, *transport.InitPayload, error) {
	ctx = transport.AppendCloseReason(transport.WithWebsocketCloseCode(ctx, code), msg)
	return ctx, nil, apperr.New(apperr.Unauthenticated, "%s", msg)
}

// watch ends the connection when its access token expires, or when a re-check finds its
// credentials no longer valid (a revoked key, a deactivated user) or its rights changed
// (the client reconnects and gets its new scope). It returns when ctx ends.
func (ls *liveSockets) watch(ctx context.Context, st *socketState, v *viewer.Viewer, hdr http.Header, expires time.Time) {
	var expiry <-chan time.Time
	if !expires.IsZero() {
		t := time.NewTimer(time.Until(expires))
		defer t.Stop()
		expiry = t.C
	}
	tick := time.NewTicker(ls.recheck)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-expiry:
			st.end(closeUnauthorized, "access token expired")
			return
		case <-tick.C:
			now, err := viewerOfHeaders(ctx, hdr, ls.ids)
			if e, ok := apperr.As(err); ok && e.Code == apperr.Unauthenticated {
				st.end(closeUnauthorized, "credentials no longer valid: "+e.Message)
				return
			}
			if err != nil { // the database, not the credentials: check again next time
				ls.log.Warn("websocket: re-checking credentials failed", "err", err.Error())
				continue
			}
			if !reflect.DeepEqual(now.Grants, v.Grants) {
				st.end(closeForbidden, "your access changed: reconnect")
				return
			}
		}
	}
}

// socketState is one connection's: who ends it, and with which close code.
type socketState struct {
	ip     string
	mu     sync.Mutex
	cancel context.CancelFunc
	code   int
	reason string
}

type socketKey struct{}

func (s *socketState) setCancel(c context.CancelFunc) {
	s.mu.Lock()
	s.cancel = c
	s.mu.Unlock()
}

// end closes the connection with code: cancelling its context makes gqlgen close it,
// and closingSockets puts the code on the close frame.
func (s *socketState) end(code int, reason string) {
	s.mu.Lock()
	s.code, s.reason = code, reason
	cancel := s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

func (s *socketState) closeCode() (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.code, s.reason
}

// closingSockets accepts connections whose close frame carries the code the connection
// was ended with (gqlgen closes a cancelled connection with 1000, which a client would
// take for a normal end and reconnect).
type closingSockets struct {
	transport.WebsocketImplementation
}

func (c closingSockets) Accept(w http.ResponseWriter, r *http.Request, o transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	conn, err := c.WebsocketImplementation.Accept(w, r, o)
	if err != nil {
		return nil, err
	}
	st, _ := r.Context().Value(socketKey{}).(*socketState)
	if st == nil {
		return conn, nil
	}
	return &closingConn{WebsocketConn: conn, st: st}, nil
}

type closingConn struct {
	transport.WebsocketConn
	st *socketState
}

func (c *closingConn) WriteClose(code int, msg string) error {
	if own, reason := c.st.closeCode(); own != 0 {
		code, msg = own, reason
	}
	return c.WebsocketConn.WriteClose(code, msg)
}

// SetReadLimit and SetReadDeadline keep the wrapped connection's optional abilities.
func (c *closingConn) SetReadLimit(n int64) {
	if l, ok := c.WebsocketConn.(transport.WebsocketReadLimiter); ok {
		l.SetReadLimit(n)
	}
}

func (c *closingConn) SetReadDeadline(t time.Time) error {
	if d, ok := c.WebsocketConn.(transport.WebsocketReadDeadliner); ok {
		return d.SetReadDeadline(t)
	}
	return nil
}

// originPolicy is the CORS origins' rule for WebSockets, which CORS does not cover (a
// browser opens a socket to any origin and sends its cookies, not ours, but still):
// a request without Origin (not a browser) or from the API's own origin passes, and a
// browser page of another origin only when CITYOS_CORS_ORIGINS allows it.
type originPolicy struct {
	all     bool
	allowed map[string]bool
}

func newOriginPolicy(origins []string) originPolicy {
	p := originPolicy{allowed: map[string]bool{}}
	for _, o := range origins {
		o = strings.ToLower(strings.TrimRight(strings.TrimSpace(o), "/"))
		p.all = p.all || o == "*"
		p.allowed[o] = true
	}
	return p
}

func (p originPolicy) allows(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || p.all || p.allowed[strings.ToLower(origin)] {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

// isUpgrade reports a WebSocket upgrade request.
func isUpgrade(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}
