package eventmetrics

import (
	"slices"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

var (
	depthDesc = prometheus.NewDesc("queue_depth",
		"Tasks in an asynq queue by state.", []string{"queue", "state"}, nil)
	latencyDesc = prometheus.NewDesc("queue_latency_seconds",
		"How long the oldest pending task of an asynq queue has waited.", []string{"queue"}, nil)
)

// QueueDepth is a collector reading, at each scrape, the size of every asynq queue in
// insp's Redis, so a backlog shows whichever process is scraped. The queues named in
// always are reported even before their first task (asynq knows a queue only once a
// task was queued in it), so an alert on them has a series from the start.
func QueueDepth(insp *asynq.Inspector, always ...string) prometheus.Collector {
	return queueDepth{insp, always}
}

type queueDepth struct {
	insp   *asynq.Inspector
	always []string
}

func (c queueDepth) Describe(ch chan<- *prometheus.Desc) { ch <- depthDesc; ch <- latencyDesc }

func (c queueDepth) Collect(ch chan<- prometheus.Metric) {
	queues, err := c.insp.Queues()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(depthDesc, err)
		return
	}
	for _, q := range c.always {
		if !slices.Contains(queues, q) {
			c.emit(ch, q, &asynq.QueueInfo{})
		}
	}
	for _, q := range queues {
		info, err := c.insp.GetQueueInfo(q)
		if err != nil {
			continue // deleted between the two calls
		}
		c.emit(ch, q, info)
	}
}

func (c queueDepth) emit(ch chan<- prometheus.Metric, q string, info *asynq.QueueInfo) {
	for state, n := range map[string]int{"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled,
		"retry": info.Retry, "archived": info.Archived, "completed": info.Completed} {
		ch <- prometheus.MustNewConstMetric(depthDesc, prometheus.GaugeValue, float64(n), q, state)
	}
	ch <- prometheus.MustNewConstMetric(latencyDesc, prometheus.GaugeValue, info.Latency.Seconds(), q)
}
