#!/usr/bin/env bash
# Scale-out and fault test of the containers, on this machine only (the compose project's own network
# and loopback). Installs docker.io, docker-compose and debootstrap when absent, starts dockerd when
# none answers (and stops what it started), builds every image offline (build-images.sh), then:
#   3 enrich and 2 query replicas; every partition owned, by more than one member;
#   5,000 unique articles posted while one enrich and one query replica are killed with SIGKILL;
#   an original and 20 copies of it land in one story;
#   exactly 5,000 stored, no duplicates, every partition reassigned, every one found by the search API;
#   3 OpenSearch nodes, one killed with SIGKILL while searches run and 2,000 more articles come in:
#   no failed search, every article found afterwards;
#   throughput with 1 and with 3 enrich replicas;
#   2 ingest replicas dividing the source directory: 100 feeds on 20 hosts (a farm on the compose
#   network's gateway, as the replicas' fetch proxy) imported as OPML, each polled exactly once,
#   each item stored exactly once;
#   each enrich replica held to 0.2 CPU and each query replica to 0.25 (quota.yml): the rate with 1, 2 and 3 enrich
#   replicas and the search rate with 1 and 2 query replicas, with their ratios.
# Skips (exit 0, saying why) only when no Docker engine can be started. Run after ./mvnw package.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=newspipeline-test
COMPOSE="docker-compose -p $PROJECT -f docker-compose.yml -f docker-compose.offline.yml --env-file containers/test.env"
started_dockerd=""

log() { printf '[containers] %s\n' "$*"; }
# A step whose output is hidden and that fails says where (once, at the top level: not in functions).
trap 'log "stopped: exit $? at line $LINENO: $BASH_COMMAND"' ERR

need() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)  # a docker CLI alone is not an engine
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

engine() {
  docker info >/dev/null 2>&1 && return 0
  log "starting dockerd"
  (dockerd >/tmp/containers-dockerd.log 2>&1 &)
  for _ in $(seq 1 30); do
    if docker info >/dev/null 2>&1; then started_dockerd=yes; return 0; fi
    sleep 1
  done
  return 1
}

farm=""
cleanup() {
  [ -n "$farm" ] && kill "$farm" 2>/dev/null || true
  $COMPOSE down -v --remove-orphans >/dev/null 2>&1 || true
  rm -f containers/test.env
  if [ -n "$started_dockerd" ]; then
    log "stopping the dockerd this script started"
    pkill -x dockerd || true
  fi
}

if ! need || ! engine; then
  log "SKIPPED: no Docker engine could be started here (see /tmp/containers-dockerd.log)"
  exit 0
fi
trap cleanup EXIT

containers/build-images.sh
log "Testcontainers tests against news-pipeline/kafka and news-pipeline/postgres"
# No Ryuk: its image cannot be pulled here; the tests stop their containers themselves.
PIPELINE_INFRA=testcontainers PIPELINE_KAFKA_IMAGE=news-pipeline/kafka PIPELINE_POSTGRES_IMAGE=news-pipeline/postgres \
  TESTCONTAINERS_RYUK_DISABLED=true ./mvnw -B -q -o -pl test-support -am test -Dtest=TestcontainersInfrastructureTest \
  -Dsurefire.failIfNoSpecifiedTests=false
printf 'NEWS_API_KEYS=%s\nPOSTGRES_PASSWORD=%s\nQUERY_SEARCH_CURSOR_KEY=%s\n' \
  "$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)" "$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)" \
  "$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)" > containers/test.env
KEY=$(sed -n 's/^NEWS_API_KEYS=//p' containers/test.env)
$COMPOSE config -q
# A run that was killed leaves its containers and volumes (a database with another password): none are reused.
$COMPOSE down -v --remove-orphans >/dev/null 2>&1 || true

healthy() { # service, count
  local ids n
  ids=$($COMPOSE ps -q "$1")
  n=0
  for id in $ids; do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null)" = healthy ] && n=$((n + 1))
  done
  [ "$n" -ge "$2" ]
}

await_healthy() { # service, count
  for _ in $(seq 1 120); do healthy "$1" "$2" && return 0; sleep 2; done
  log "FAILED: $1 did not reach $2 healthy replicas"; $COMPOSE ps; $COMPOSE logs --tail 50 "$1"; exit 1
}

assignment() { # group
  $COMPOSE exec -T kafka /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:19092 --describe-group "$1" | sort
}

stored() { # marker
  $COMPOSE exec -T postgres psql -U news -d news -tAc "SELECT count(*), count(DISTINCT id) FROM article WHERE body LIKE '%$1%'"
}

published_port() { # service, container port: a healthy replica's port here (replicas take theirs from a range)
  for id in $($COMPOSE ps -q "$1"); do
    if [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]; then docker port "$id" "$2" | sed -n '1s/.*://p'; return; fi
  done
}
post() { # marker, from, count[, seeds]: batches of 250 through the ingest API, re-sent until acknowledged;
  # with "seeds", each article is a seed's whole text (2-8 KB, entities, datelines) made unique by a last line
  python3 - "$1" "$2" "$3" "$KEY" "$(published_port ingest-service 8081)" "${4:-}" <<'PY'
import json, pathlib, sys, time, urllib.request
marker, start, count, key, port, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
seeds = [p.read_text() for p in sorted(pathlib.Path("seeds").glob("*.txt"))]
def article(i):
    if kind == "seeds":
        return {"body": seeds[i % len(seeds)] + f"\n\nCopy {i} of {marker}."}
    return {"title": f"Container story {i}", "body": f"MINSK, May 26. /BelTA/. Story {i} of {marker} about talks in Minsk."}
for first in range(start, start + count, 250):
    lines = [json.dumps(article(i)) for i in range(first, min(start + count, first + 250))]
    while lines:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/articles/batch", data="\n".join(lines).encode(),
                                     headers={"Content-Type": "application/x-ndjson", "Authorization": "Bearer " + key})
        try:
            answer = json.load(urllib.request.urlopen(req, timeout=60))
            lines = [lines[l["line"] - 1] for l in answer["lines"] if l["status"] == "unavailable"]
        except Exception:
            time.sleep(1)
        if lines:
            time.sleep(1)
PY
}

await_stored() { # marker, expected
  for _ in $(seq 1 300); do
    [ "$(stored "$1" | cut -d'|' -f1)" = "$2" ] && return 0
    sleep 2
  done
  log "FAILED: $(stored "$1") stored of $2"; exit 1
}

log "starting Kafka, PostgreSQL, 2 ingest, 3 enrich and 2 query replicas"
started=$(date +%s)
$COMPOSE up -d --scale enrich-service=3 --scale query-service=2 --scale ingest-service=2
await_healthy enrich-service 3
await_healthy query-service 2
await_healthy ingest-service 2
log "all replicas healthy after $(( $(date +%s) - started )) s"
docker images --format '{{.Repository}} {{.Size}}' | grep '^news-pipeline/' | sed 's/^/[containers] image /'

sleep 10
for group in enrich-service query-service; do
  log "assignment of $group before:"; assignment $group | tee /tmp/assign-$group.txt
  parts=$(grep -c 'articles\.' /tmp/assign-$group.txt || true)
  members=$(awk '{print $3}' /tmp/assign-$group.txt | sort -u | wc -l)
  [ "$parts" -eq 6 ] && [ "$members" -gt 1 ] || { log "FAILED: $group owns $parts of 6 partitions with $members members"; exit 1; }
done

marker="run$(date +%s%N)"
post "$marker" 0 5000 &
loader=$!
sleep 8
enrich_victim=$($COMPOSE ps -q enrich-service | sed -n 1p)
query_victim=$($COMPOSE ps -q query-service | sed -n 1p)
log "SIGKILL to enrich replica ${enrich_victim:0:12} and query replica ${query_victim:0:12}"
docker kill -s KILL "$enrich_victim" "$query_victim" >/dev/null
wait $loader
await_stored "$marker" 5000
read -r total distinct < <(stored "$marker" | tr '|' ' ')
log "stored $total of 5000, $distinct distinct ids"
[ "$total" = 5000 ] && [ "$distinct" = 5000 ] || { log "FAILED: lost or duplicated"; exit 1; }

sleep 15
for group in enrich-service query-service; do
  log "assignment of $group after the kill:"; assignment $group | tee /tmp/assign-$group-after.txt
  parts=$(grep -c 'articles\.' /tmp/assign-$group-after.txt || true)
  [ "$parts" -eq 6 ] || { log "FAILED: $group owns $parts of 6 partitions after the kill"; exit 1; }
done

# The search index: 3 OpenSearch nodes, each shard with a replica on another node. Every stored
# article is found by the search API; then searches run without pause while 2,000 more articles are
# posted and one node is killed with SIGKILL: no search may fail and every article is found after.
query_port() { published_port query-service 8080; }
found() { # marker: the search API's total for it
  curl -s -H "Authorization: Bearer $KEY" "http://127.0.0.1:$(query_port)/articles?q=$1&limit=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin).get("total"))'
}
search_shards() { # what the cluster says of its shards, when a step fails
  curl -s "http://127.0.0.1:9200/_cat/shards?v"; curl -s "http://127.0.0.1:9200/_cluster/allocation/explain?pretty" | head -40
}
await_found() { # marker, expected[, seconds (default 240)]
  for _ in $(seq 1 $(( ${3:-240} / 2 ))); do [ "$(found "$1")" = "$2" ] && return 0; sleep 2; done
  log "FAILED: the search index finds $(found "$1") of $2"; search_shards
  $COMPOSE logs --tail 400 query-service 2>&1 | grep -E "WARN|ERROR" | tail -40; exit 1
}
await_found "$marker" 5000
log "search index: 5000/5000 found"

# Stories across replicas: an original and 20 copies of it (an outlet's credit in front, the last
# paragraph cut or a line added), posted at once and read by 3 enrich and 2 query replicas, are one story.
story_marker="story$(date +%s%N)"
python3 - "$KEY" "$(published_port ingest-service 8081)" "$story_marker" <<'PY'
import json, random, sys, urllib.request
key, port, marker = sys.argv[1:4]
rnd = random.Random(31)
syllables = ["ka", "lo", "mir", "ten", "vas", "ro", "pel", "du", "shan", "bek", "ta", "gor", "ni", "zel", "um", "fra"]
paragraphs = [marker + " " + " ".join("".join(rnd.choice(syllables) for _ in range(3)) for _ in range(30)) + "."
              for _ in range(5)]
lines = [json.dumps({"title": f"Original {marker}", "body": "\n\n".join(paragraphs), "source": "BelTA"})]
for i in range(1, 21):
    # Each copy a text of its own (ingest takes one text once): its outlet's credit, and a cut or an added line.
    copy = [f"(Outlet {i}) - " + paragraphs[0]] + paragraphs[1:]
    copy = copy[:-1] if i % 2 else copy + [f"More on this story from Outlet {i} as it develops."]
    lines.append(json.dumps({"title": f"Copy {i} {marker}", "body": "\n\n".join(copy), "source": f"Outlet {i % 4}"}))
req = urllib.request.Request(f"http://127.0.0.1:{port}/articles/batch", data="\n".join(lines).encode(),
                             headers={"Content-Type": "application/x-ndjson", "Authorization": "Bearer " + key})
urllib.request.urlopen(req, timeout=60).read()
PY
await_found "$story_marker" 21
read -r stories more < <(curl -s -H "Authorization: Bearer $KEY" \
  "http://127.0.0.1:$(query_port)/articles?q=$story_marker&collapse=story" \
  | python3 -c 'import json, sys; p = json.load(sys.stdin); print(p["stories"], p["items"][0]["story"]["more"])')
log "an original and 20 copies through 3 enrich and 2 query replicas: $stories story, $more more"
[ "$stories" = 1 ] && [ "$more" = 20 ] || { log "FAILED: the copies of one story fell into $stories stories"; exit 1; }
# Killing a node loses nothing only when every shard has a copy elsewhere: the cluster must be green
# first (a replica left unassigned, say for a disk watermark, would make that node's shards missing).
if ! curl -sf "http://127.0.0.1:9200/_cluster/health?wait_for_status=green&timeout=120s" >/dev/null; then
  log "FAILED: the search cluster is not green before the node is killed"; search_shards; exit 1
fi
search_marker="search$(date +%s%N)"
search_log=$(mktemp)
python3 - "$KEY" "$(query_port)" "$search_marker" "$search_log" <<'PY' &
import sys, time, urllib.request, urllib.error
key, port, marker, log = sys.argv[1:5]
ok = failed = retried = 0
end = time.time() + 75
while time.time() < end:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/articles?q={marker}&limit=10", headers={"Authorization": "Bearer " + key})
    # The API's retry policy: a 503 says when to ask again (Retry-After); a client asks up to 3 times.
    for attempt in range(3):
        try:
            urllib.request.urlopen(req, timeout=30).read(); ok += 1
            break
        except urllib.error.HTTPError as e:
            if e.code != 503 or attempt == 2:
                failed += 1
                break
            retried += 1
            time.sleep(min(5, int(e.headers.get("Retry-After", "1"))))
        except Exception:
            failed += 1
            break
open(log, "w").write(f"{ok} {failed} {retried}\n")
PY
searcher=$!
post "$search_marker" 0 2000 &
loader=$!
sleep 10
log "SIGKILL to opensearch-2 while searching and indexing"
docker kill -s KILL "$($COMPOSE ps -q opensearch-2)" >/dev/null
wait $loader
await_stored "$search_marker" 2000
# A killed node's primaries move to their replicas once the cluster notices; indexing waits for that.
await_found "$search_marker" 2000 480
wait $searcher
read -r searches failed_searches retried_searches < "$search_log"
log "one of 3 search nodes killed mid-load: $searches searches answered, $failed_searches failed after the retry policy ($retried_searches answered 503 + Retry-After and were asked again); 2000/2000 found after"
[ "$failed_searches" = 0 ] || { log "FAILED: searches failed while a search node was down";
  $COMPOSE logs --tail 300 query-service 2>&1 | grep -E "WARN|ERROR" | tail -20; exit 1; }
$COMPOSE up -d --no-recreate opensearch-2 >/dev/null 2>&1

rate() { # replicas: articles stored per second for 2,000 posted at once
  $COMPOSE up -d --no-recreate --scale enrich-service="$1" --scale query-service=1 enrich-service query-service >/dev/null 2>&1
  await_healthy enrich-service "$1"
  sleep 12
  local m="rate$1x$(date +%s%N)" t0
  t0=$(date +%s.%N)
  post "$m" 0 2000
  await_stored "$m" 2000
  python3 -c "import sys; print(f'{2000 / (float(sys.argv[2]) - float(sys.argv[1])):.0f}')" "$t0" "$(date +%s.%N)"
}
log "throughput with 1 enrich replica: $(rate 1) articles/s"
log "throughput with 3 enrich replicas: $(rate 3) articles/s"

# Sources: a feed farm on the compose network's gateway, reached by both ingest replicas as their
# fetch proxy (so the feeds keep their own host names); each request is logged by the farm.
gateway=$(docker network inspect "${PROJECT}_default" -f '{{(index .IPAM.Config 0).Gateway}}')
farm_marker="farm$(date +%s%N)"
farm_log=$(mktemp)
python3 - "$gateway" "$farm_marker" "$farm_log" <<'PY' &
import http.server, sys, threading
gateway, marker, log = sys.argv[1], sys.argv[2], sys.argv[3]
lock = threading.Lock()
class Farm(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = self.path  # absolute: http://host/path, as a proxy receives it
        with lock, open(log, "a") as f:
            f.write(url + "\n")
        host = url.split("/")[2]
        if not host.startswith("farm-") or "/feed-" not in url:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        items = "".join(f"<item><title>{host} {url} story {i}</title><link>{url.replace('/feed-', '/story-')}-{i}</link>"
                        f"<description>Story {i} of {url}, {marker}, says what happened.</description></item>" for i in range(2))
        body = f"<?xml version='1.0'?><rss version='2.0'><channel><title>{host}</title>{items}</channel></rss>".encode()
        self.send_response(200); self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer((gateway, 18099), Farm).serve_forever()
PY
farm=$!
INGEST_FETCH_PROXY="http://$gateway:18099" $COMPOSE up -d --no-deps --scale ingest-service=2 ingest-service >/dev/null 2>&1
sleep 5
await_healthy ingest-service 2
sleep 10
log "assignment of ingest-sources:"; assignment ingest-sources | tee /tmp/assign-ingest-sources.txt
parts=$(grep -c '^sources-' /tmp/assign-ingest-sources.txt || true)
members=$(grep '^sources-' /tmp/assign-ingest-sources.txt | awk '{print $3}' | sort -u | wc -l)
[ "$parts" -eq 12 ] && [ "$members" -eq 2 ] || { log "FAILED: ingest-sources: $parts of 12 partitions, $members members"; kill $farm; exit 1; }
ingest_port=$(published_port ingest-service 8081)
python3 - "$KEY" "$ingest_port" <<'PY'
import sys, urllib.request
outlines = "".join(f'<outline type="rss" text="Farm {h}" xmlUrl="http://farm-{h:02d}.test/feed-{f}.rss" htmlUrl="http://farm-{h:02d}.test/"/>'
                   for h in range(20) for f in range(5))
req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[2]}/sources/opml", data=f"<opml version='2.0'><body>{outlines}</body></opml>".encode(),
                             headers={"Content-Type": "text/x-opml", "Authorization": "Bearer " + sys.argv[1]})
print("[containers] OPML import:", urllib.request.urlopen(req, timeout=120).read().decode())
PY
await_stored "$farm_marker" 200
sleep 10
kill $farm
read -r total distinct < <(stored "$farm_marker" | tr '|' ' ')
feeds=$(grep -c '/feed-' "$farm_log" || true)
distinct_feeds=$(grep '/feed-' "$farm_log" | sort -u | wc -l)
log "sources: 100 feeds on 20 hosts polled by 2 replicas: $feeds requests for $distinct_feeds feeds, $total items stored, $distinct distinct"
[ "$feeds" = 100 ] && [ "$distinct_feeds" = 100 ] && [ "$total" = 200 ] && [ "$distinct" = 200 ] \
  || { log "FAILED: a feed polled twice or an item stored twice or lost"; exit 1; }
# Scale-out with CPU quotas (containers/quota.yml): the same load through 1, 2 and 3 enrich replicas,
# and the same searches through 1 and 2 query replicas. Printed, with the ratios; not a pass/fail.
QUOTA="$COMPOSE -f containers/quota.yml"
quota_scale() { # enrich replicas, query replicas
  $QUOTA up -d --scale enrich-service="$1" --scale query-service="$2" enrich-service query-service >/dev/null 2>&1
  await_healthy enrich-service "$1"
  await_healthy query-service "$2"
  sleep 12 # partitions assigned to every member
}
await_enriched() { # enrich port, since (epoch seconds): until the enrich-service group has nothing left (GET /lag, read every second under quota.yml)
  python3 - "$1" "$2" <<'PY'
import calendar, json, sys, time, urllib.request
port, since = sys.argv[1], int(float(sys.argv[2])) + 1
deadline = time.time() + 900
while time.time() < deadline:
    lag = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/lag", timeout=10))
    read = lag.get("at") and calendar.timegm(time.strptime(lag["at"][:19], "%Y-%m-%dT%H:%M:%S"))
    if read and read >= since and sum(p["lag"] for p in lag["partitions"] if p["group"] == "enrich-service") == 0:
        sys.exit(0)
    time.sleep(0.5)
sys.exit("the enrich-service group still has a lag after 15 minutes")
PY
}
enrich_rate() { # enrich replicas: seed-sized articles enriched per second, query-service stopped meanwhile
  quota_scale "$1" 1
  $QUOTA stop query-service >/dev/null 2>&1
  local port m t0
  port=$(published_port enrich-service 8082)
  # Every replica warmed up first: a new one loads its entity model and compiles its hot code on its
  # fifth of a core (60 articles each left a new replica still compiling while it was measured).
  m="warm$1x$(date +%s%N)"
  post "$m" 0 $((200 * $1)) seeds
  await_enriched "$port" "$(date +%s)" || { echo "n/a"; return; }
  m="quota$1x$(date +%s%N)"
  t0=$(date +%s.%N)
  post "$m" 0 900 seeds
  await_enriched "$port" "$(date +%s)" || { echo "n/a"; return; }
  python3 -c "import sys; print(f'{900 / (float(sys.argv[2]) - float(sys.argv[1])):.1f}')" "$t0" "$(date +%s.%N)"
  $QUOTA start query-service >/dev/null 2>&1
}
search_rate() { # query replicas: searches per second from 8 clients on kept-alive connections for 30 s after 30 s of warm-up (a new replica compiles on its quarter of a core), spread over the replicas
  quota_scale 1 "$1"
  local ports
  ports=$(for id in $($COMPOSE ps -q query-service); do docker port "$id" 8080 | sed -n '1s/.*://p'; done | tr '\n' ' ')
  python3 - "$KEY" $ports <<'PY'
import http.client, sys, threading, time
key, ports = sys.argv[1], sys.argv[2:]
words = ["talks", "minsk", "story", "container", "belta", "may"]
clients = 8
done = [0] * clients
start = time.time() + 30
end = start + 30
def client(n):
    port = ports[n % len(ports)]
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    i = 0
    while time.time() < end:
        try:
            conn.request("GET", f"/articles?q={words[i % len(words)]}&limit=10", headers={"Authorization": "Bearer " + key})
            r = conn.getresponse(); r.read()
            if r.status == 200 and time.time() >= start:
                done[n] += 1
        except Exception:
            conn.close(); conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
        i += 1
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
[t.start() for t in threads]
[t.join() for t in threads]
print(f"{sum(done) / 30:.1f}")
PY
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
e1=$(enrich_rate 1); e2=$(enrich_rate 2); e3=$(enrich_rate 3)
log "scale-out, 0.2 CPU per enrich replica, 900 seed-sized articles: 1 -> $e1, 2 -> $e2, 3 -> $e3 articles/s enriched; 2/1 = $(ratio "$e2" "$e1")x, 3/1 = $(ratio "$e3" "$e1")x (target 3/1 >= 2.4x)"
q1=$(search_rate 1); q2=$(search_rate 2)
log "scale-out, 0.25 CPU per query replica: 1 -> $q1, 2 -> $q2 searches/s; 2/1 = $(ratio "$q2" "$q1")x (target >= 1.7x)"

log "PASSED: 5000/5000 stored, 0 duplicates, every partition reassigned after SIGKILL; a search node killed mid-load: 0 failed searches, 2000/2000 found; 100 feeds polled once each by 2 ingest replicas, 200/200 items stored once"
