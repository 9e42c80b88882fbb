// Command cityos is the one binary of CityOS Commerce: the API, the workers and the
// operator commands.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `cityos — multi-tenant headless commerce

Usage:
  cityos serve [--demo]        API and workers in one process (the default);
                               --demo loads the demo data first
  cityos api [--demo]          the API only
  cityos worker                the background workers only
  cityos migrate               bring the database schema up to date
  cityos events tail [-tenant HANDLE|ID] [-type TYPE|PREFIX.*] [-n 20] [-f]
                               the most recent events of the outbox; -f follows
  cityos seed --demo           load the demo tenants, stores and logins (idempotent)
  cityos admin create-user --email E --password P --role super_admin
                               [--tenant HANDLE] [--store HANDLE]

Configuration comes from the environment: see README.md.
`

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	tuneGC()
	startProfiling(log)
	cmd, args := "serve", os.Args[1:]
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = runServe(ctx, log, args, true, true)
	case "api":
		err = runServe(ctx, log, args, true, false)
	case "worker":
		err = runServe(ctx, log, args, false, true)
	case "migrate":
		err = runMigrate(ctx, log)
	case "events":
		err = runEvents(ctx, log, args)
	case "seed":
		err = runSeed(ctx, log, args)
	case "admin":
		err = runAdmin(ctx, log, args)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		log.Error(cmd+" failed", "err", err.Error())
		os.Exit(1)
	}
}
