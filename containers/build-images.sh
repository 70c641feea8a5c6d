#!/usr/bin/env bash
# Builds, without pulling any public image, everything the compose file needs on this machine:
#   news-pipeline/jre17       a Java 17 runtime base from Debian packages (debootstrap + docker import)
#   news-pipeline/kafka       a KRaft broker from the Kafka jars on Maven Central (the local stack's),
#                             configured by the same KAFKA_* variables as the official apache/kafka image
#   news-pipeline/postgres    Debian's PostgreSQL, configured by POSTGRES_DB/USER/PASSWORD like postgres:17
# and the three services on that base (docker-compose.offline.yml uses them all).
# Run from the repository root after ./mvnw package -DskipTests.
set -euo pipefail
cd "$(dirname "$0")/.."
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

# A Debian root file system with these packages, imported as an image (once).
debian_image() {
  local image=$1 packages=$2 root
  docker image inspect "$image" >/dev/null 2>&1 && return
  root=$(mktemp -d)
  echo "debootstrap $SUITE with $packages for $image ..."
  debootstrap --variant=minbase --include="$packages" "$SUITE" "$root" "$MIRROR" >/dev/null
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
  tar -C "$root" -c . | docker import -c 'ENV LANG=C.UTF-8' - "$image"
  rm -rf "$root"
}

debian_image news-pipeline/jre17 openjdk-17-jre-headless,ca-certificates
debian_image news-pipeline/postgres-base postgresql-15,postgresql-client-15
docker build -q -t news-pipeline/postgres containers/postgres

rm -rf containers/kafka/libs && mkdir -p containers/kafka/libs
cp local-stack/target/local-stack-*.jar local-stack/target/lib/*.jar containers/kafka/libs/
docker build -q -t news-pipeline/kafka containers/kafka

docker build -q --build-arg BASE=news-pipeline/jre17 -f search-node/src/main/docker/Dockerfile \
    -t news-pipeline/search-node search-node

for service in query-service enrich-service ingest-service; do
  docker build -q --build-arg BASE=news-pipeline/jre17 -f "$service/src/main/docker/Dockerfile.jvm" \
      -t "news-pipeline/$service" "$service"
done
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^news-pipeline/'
