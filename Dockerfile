# Build a static binary (pure-Go SQLite driver, no cgo), then run it as a non-root user
# on a minimal image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/cityos ./cmd/cityos

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /out/cityos /usr/local/bin/cityos
USER nonroot:nonroot
ENV PORT=8080 CITYOS_ENV=prod CITYOS_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["cityos"]
CMD ["serve"]
