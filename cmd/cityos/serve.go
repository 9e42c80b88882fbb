package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"

	"golang.org/x/sync/errgroup"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/server"
	"github.com/dakkah/cityos/workers"
)

func open(ctx context.Context, log *slog.Logger, migrate bool) (*app.Instance, error) {
	cfg, err := config.FromEnv()
	if err != nil {
		return nil, err
	}
	return app.Open(ctx, cfg, log, migrate)
}

func runServe(ctx context.Context, log *slog.Logger, args []string, api, work bool) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	demo := fs.Bool("demo", false, "load the demo data (idempotent) before serving")
	if err := fs.Parse(args); err != nil {
		return err
	}
	app, err := open(ctx, log, false)
	if err != nil {
		return err
	}
	defer app.Close()
	if *demo {
		res, err := seed.Demo(ctx, app.Client, app.Tenancy, demoPassword())
		if err != nil {
			return err
		}
		res.Print(os.Stdout)
	}
	g, ctx := errgroup.WithContext(ctx)
	if api {
		if err := app.ListenForChanges(ctx); err != nil {
			return err
		}
		announce(log, app, *demo)
		g.Go(func() error {
			err := server.Serve(ctx, ":"+app.Config.Port, app.Handler(), log)
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		})
	}
	if work {
		deps := app.WorkerDeps()
		deps.InProcessRedis = app.Config.RedisURL == ""
		g.Go(func() error { return workers.Run(ctx, app.QueueRedis(), deps) })
	}
	if work && !api {
		// A worker alone still answers /metrics and the probes, on PORT.
		log.Info("worker metrics and probes", "metrics", "http://localhost:"+app.Config.Port+"/metrics")
		g.Go(func() error {
			err := server.Serve(ctx, ":"+app.Config.Port, server.OpsOnly(app.Metrics, app.Ready()), log)
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		})
	}
	return g.Wait()
}

func announce(log *slog.Logger, app *app.Instance, demo bool) {
	c := app.Config
	mode := "production (PostgreSQL, Redis)"
	db := "postgres"
	if c.Embedded() {
		mode, db = "embedded (SQLite file, in-process Redis)", c.SQLitePath()
	} else if c.RedisURL == "" {
		mode = "PostgreSQL with in-process Redis"
	}
	base := "http://localhost:" + c.Port
	log.Info("CityOS Commerce is up",
		"mode", mode, "database", db, "env", c.Env,
		"graphql", base+"/graphql", "health", base+"/healthz", "metrics", base+"/metrics",
		"next", nextStep(base, c.Dev(), demo))
}

// nextStep is the hint the start-up log gives: GraphiQL exists in dev only, and the
// demo data is offered only when this start did not load it.
func nextStep(base string, dev, demo bool) string {
	var hint string
	if dev {
		hint = "open " + base + "/graphql (GraphiQL)"
	} else {
		hint = "POST GraphQL to " + base + "/graphql"
	}
	if demo {
		return hint + "; the demo logins and keys are printed above"
	}
	if dev {
		return hint + "; for demo data, start with --demo or run `cityos seed --demo` (logins and keys are printed)"
	}
	return hint
}
