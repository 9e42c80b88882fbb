// Package middleware holds the net/http middleware in front of the GraphQL API:
// request ids, access logs, panic recovery, CORS, body limits, rate limits,
// metrics and health endpoints. It knows nothing about the business.
//
// Suggested order, outermost first: AssignRequestID, AccessLog, Recover,
// HTTPMetrics, CORS, BodyLimit, the rate limiter, then the GraphQL handler.
// AssignRequestID goes first so that every later layer, and every error body,
// can name the request.
package middleware
