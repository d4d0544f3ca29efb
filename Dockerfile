# fpcheck in a small image: a static binary (CGO_ENABLED=0) on distroless,
# which has no shell and no package manager, running as the non-root user
# nonroot (uid 65532). Check the project in the current directory with
#
#   docker build -t fpcheck --build-arg VERSION="$(git describe --tags --always)" .
#   docker run --rm -v "$PWD:/src:ro" fpcheck
#
# scripts/check-docker.sh builds and runs it in CI where a daemon runs.

FROM golang:1.26 AS build
WORKDIR /build
# The module's dependencies first, so a source change reuses their layer.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/fpcheck ./cmd/fpcheck

FROM gcr.io/distroless/static:nonroot
ARG VERSION=dev
LABEL org.opencontainers.image.title="fpcheck" \
      org.opencontainers.image.description="Checks WeChat mini-program and plugin projects for what breaks functional pages and package boundaries after upload" \
      org.opencontainers.image.source="https://github.com/fpcheck/fpcheck" \
      org.opencontainers.image.url="https://github.com/fpcheck/fpcheck" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}"
COPY --from=build /out/fpcheck /usr/local/bin/fpcheck
# The project is mounted here (read-only is enough: fpcheck writes reports
# to standard output or to a path you give it).
WORKDIR /src
# distroless's nonroot user, by number, so that `docker inspect` and
# Kubernetes' runAsNonRoot see it without an /etc/passwd lookup.
USER 65532:65532
ENTRYPOINT ["fpcheck"]
