# The controller's image: one prebuilt binary with the Swift runtime linked in, on a small Debian base.
# It is not a multi-stage build; build the binary first, on Linux of the image's architecture, with the toolchain:
#
#   swift build -c release --static-swift-stdlib --product turnout
#   scripts/check-static-binary .build/release/turnout     # must name only system libraries
#   docker build -t ghcr.io/turnout-dev/turnout:latest .
#
# The build context is the repository root; keep it small with a .dockerignore that excludes everything but
# .build/release/turnout (otherwise all of .build is sent to the daemon).
# --static-swift-stdlib links Swift's runtime and Foundation in, but the binary still loads the system's libc,
# libm, libstdc++, libgcc_s, zlib and SQLite (GRDB, the single-host store), so the base is Debian with those
# packages rather than distroless/cc (which has no libsqlite3 or zlib).
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libsqlite3-0 zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY .build/release/turnout /turnout
# `nonroot` as distroless numbers it; numeric, so the kubelet can check the Deployment's runAsNonRoot.
USER 65532:65532
ENTRYPOINT ["/turnout"]
