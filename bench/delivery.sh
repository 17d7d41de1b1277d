#!/usr/bin/env bash
# Delivery read path, side by side in one run. Starts everything it needs on non-default ports:
#   - the embedded infrastructure (real KRaft broker + MongoDB-wire server, the classes the dev launcher uses),
#   - content-service and two gateways as production would run them (`java -jar`, full JIT, the gateways with
#     HASHI_PROFILE=prod and the anonymous rate limit raised out of the way): one with the delivery cache
#     (GATEWAY_DELIVERY_CACHE_ENABLED=true, the default) and one without (=false),
#   - nginx (Debian) serving the very same response bytes as a static file,
# creates a page like the seed conference page (sessions, nine presentations with Japanese-only titles, two
# organisers and two contacts as references, a declaration and attachments as media references) and 25 published
# Japanese event pages, warms every target up, then measures with `wrk -t2 -c32 -d<seconds>s --latency`:
#   nginx           the page's exact bytes from nginx
#   page-uncached   the page in en with include=1 through the gateway without its cache
#   page-cached     the same through the gateway with its cache
#   list-uncached   LIST_PATH (20 Japanese items, title and summary) through the gateway without its cache
# and then, without wrk:
#   visible         VISIBLE_RUNS times: change the page's title, publish, poll the cached gateway until the new
#                   title is served; p50/p99/max of publish-to-visible
#   changes         the change feed (GET /api/delivery/changes, 100 items) called 20 times from the log's beginning
#                   and 20 times from its end, directly on content-service; p50/max of one call
# It prints req/s, p50, p99, the ratio to nginx, the CPU seconds of content-service and of the serving gateway during
# each case (a cache that works leaves content-service idle), the targets next to the numbers, and writes the table
# to bench/results/. A case whose endpoint does not answer 200 is reported as FAILED and the others still run.
# Builds the jars (package, never install) when they are missing. Leaves no process running.
#
# Usage: bench/delivery.sh [seconds=20]
# Environment: VISIBLE_RUNS (50), WARMUP_MAX / WARMUP_STEP / WARMUP_GAIN (the warm-up, bench/lib/warmup.sh: each
#              JVM case runs until its rate stops rising, at most 120 s), BENCH_LABEL (suffix of the results file),
#              HASHI_ROOT (run against another checkout), KEEP_WORK=1 (keep the logs in /tmp).
set -euo pipefail
cd "${HASHI_ROOT:-$(dirname "$0")/..}"
root=$PWD
seconds=${1:-20}
visible_runs=${VISIBLE_RUNS:-50}

# The endpoints measured; the list's query is the list endpoint's (dev.hashi.content.search) shape.
PAGE_TYPE=event-page
PAGE_SLUG=wpc-2003-bench
PAGE_PATH="/api/delivery/entries/$PAGE_TYPE/$PAGE_SLUG?locale=en&include=1"
LIST_PATH="/api/delivery/entries/event-page?locale=ja&limit=20&fields=title,summary"
CHANGES_PATH="/api/delivery/changes"

GW_PORT=18080 GW_UNCACHED_PORT=18085 CS_PORT=18081 NGINX_PORT=18088 MONGO_PORT=37017 KAFKA_PORT=19092 KAFKA_CTL_PORT=19093

missing=()
for tool in wrk nginx curl openssl jar python3 java; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/delivery.sh: missing ${missing[*]}." >&2
  echo "  Debian: apt-get install -y wrk nginx-light curl openssl python3 (jar comes with the JDK)" >&2
  exit 2
fi
for port in $GW_PORT $GW_UNCACHED_PORT $CS_PORT $NGINX_PORT $MONGO_PORT $KAFKA_PORT $KAFKA_CTL_PORT; do
  if (exec 3<> /dev/tcp/127.0.0.1/$port) 2> /dev/null; then
    echo "bench/delivery.sh: port $port is in use; stop what uses it first" >&2
    exit 3
  fi
done
for module in gateway content-service devstack; do
  if [ ! -s "$module/target/$module.jar" ]; then
    echo "bench/delivery.sh: building jars (./mvnw -q -B -pl gateway,content-service,devstack -am package -DskipTests)…"
    ./mvnw -q -B -pl gateway,content-service,devstack -am package -DskipTests
    break
  fi
done

work=$(mktemp -d /tmp/hashi-delivery-bench.XXXXXX)
chmod 755 "$work" # nginx workers (www-data) read the body from here
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2> /dev/null || true
  if [ -n "${KEEP_WORK:-}" ]; then echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

await() { # url name log
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "bench/delivery.sh: $2 did not become ready; its log:" >&2
  tail -40 "$3" >&2
  exit 1
}

# --- infrastructure: the dev launcher's embedded broker and MongoDB-wire server, in their own JVM -------------
mkdir -p "$work/lib" "$work/infra"
(cd "$work/lib" && jar xf "$root/devstack/target/devstack.jar" BOOT-INF/lib)
cat > "$work/Infra.java" << 'EOF'
import java.nio.file.Path;
import dev.hashi.embedded.EmbeddedKafka;
import dev.hashi.embedded.EmbeddedMongo;

public class Infra {
    public static void main(String[] args) throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(Integer.parseInt(args[0]));
        EmbeddedKafka kafka = new EmbeddedKafka(Path.of(args[3]), Integer.parseInt(args[1]), Integer.parseInt(args[2]))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { kafka.close(); mongo.close(); }));
        System.out.println("infra ready " + mongo.connectionString() + " " + kafka.bootstrapServers());
        Thread.currentThread().join();
    }
}
EOF
# Sends media-service's events for the page's assets (no media-service runs here): "key<TAB>json" lines on stdin.
cat > "$work/SendEvents.java" << 'EOF'
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

public class SendEvents {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] kv = line.split("\t", 2);
                producer.send(new ProducerRecord<>(args[1], kv[0], kv[1])).get();
            }
        }
    }
}
EOF
java -Xmx512m -cp "$work/lib/BOOT-INF/lib/*" "$work/Infra.java" $MONGO_PORT $KAFKA_PORT $KAFKA_CTL_PORT "$work/infra" \
  > "$work/infra.log" 2>&1 &
infra_pid=$!
pids+=($infra_pid)
for _ in $(seq 1 120); do grep -q "infra ready" "$work/infra.log" && break; sleep 0.5; done
grep -q "infra ready" "$work/infra.log" || { echo "infra did not start:" >&2; tail -30 "$work/infra.log" >&2; exit 1; }

# --- services, production settings (content-service in dev mode: unsigned calls are anonymous readers) ----------
secret=$(openssl rand -base64 36 | tr -d '\n')
env SERVER_PORT=$CS_PORT SERVER_ADDRESS=127.0.0.1 HASHI_PROFILE=dev HASHI_GATEWAY_SECRET="$secret" \
  MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" MONGODB_DATABASE=hashi_content \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
  java -jar content-service/target/content-service.jar > "$work/content.log" 2>&1 &
content_pid=$!
pids+=($content_pid)
start_gateway() { # port cache-enabled log
  env SERVER_PORT=$1 SERVER_ADDRESS=127.0.0.1 HASHI_PROFILE=prod HASHI_GATEWAY_SECRET="$secret" \
    GATEWAY_TOKEN_SIGNING_KEY="$secret-token-records" GATEWAY_DELIVERY_CACHE_ENABLED="$2" \
    RATE_LIMIT_ANONYMOUS_BURST=100000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=100000000 \
    CONTENT_SERVICE_URI=http://127.0.0.1:$CS_PORT TRANSLATION_SERVICE_URI=http://127.0.0.1:18082 \
    MEDIA_SERVICE_URI=http://127.0.0.1:18083 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
    java -jar gateway/target/gateway.jar > "$3" 2>&1 &
}
start_gateway $GW_PORT true "$work/gateway.log"
gateway_pid=$!
pids+=($gateway_pid)
start_gateway $GW_UNCACHED_PORT false "$work/gateway-uncached.log"
uncached_pid=$!
pids+=($uncached_pid)
await "http://127.0.0.1:$CS_PORT/actuator/health/readiness" content-service "$work/content.log"
await "http://127.0.0.1:$GW_PORT/actuator/health/readiness" gateway "$work/gateway.log"
await "http://127.0.0.1:$GW_UNCACHED_PORT/actuator/health/readiness" gateway-uncached "$work/gateway-uncached.log"

# --- the editor's calls, signed for one request each as the gateway signs them (see bench/gateway.sh) -----------
cat > "$work/editor.py" << 'EOF'
import base64, hashlib, hmac, http.client, json, os, statistics, sys, time, uuid

SECRET, CS, GW = os.environ["SECRET"], int(os.environ["CS_PORT"]), int(os.environ["GW_PORT"])

def call(method, path, body=None, if_match=None, port=CS, signed=True):
    data = b"" if body is None else json.dumps(body).encode()
    ctype = "application/json" if body is not None else ""
    rid = "bench-" + uuid.uuid4().hex[:12]
    headers = {"X-Request-Id": rid}
    if signed:
        now = str(int(time.time()))
        nonce = base64.urlsafe_b64encode(os.urandom(16)).decode().rstrip("=")
        digest = "sha-256=:" + base64.b64encode(hashlib.sha256(data).digest()).decode() + ":"
        raw_path, _, raw_query = path.partition("?")
        text = "\n".join(["hashi-identity-2", "bench-editor", "editor", "", now, nonce, digest, method, raw_path,
                          raw_query, ctype, str(len(data)), rid])
        sig = base64.urlsafe_b64encode(hmac.new(SECRET.encode(), text.encode(), hashlib.sha256).digest())
        headers.update({"X-Hashi-Subject": "bench-editor", "X-Hashi-Roles": "editor", "X-Hashi-Identity-Time": now,
                        "X-Hashi-Identity-Nonce": nonce, "X-Hashi-Body-Digest": digest,
                        "X-Hashi-Identity-Signature": sig.decode().rstrip("=")})
    if if_match:
        headers["If-Match"] = if_match
    if body is not None:
        headers["Content-Type"] = ctype
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=data if body is not None else None, headers=headers)
    r = conn.getresponse()
    raw = r.read()
    conn.close()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return r.status, r.getheader("ETag"), parsed, raw

def ok(reply, what):
    if reply[0] // 100 != 2:
        sys.exit(f"bench/delivery.sh: {what} answered {reply[0]}: {reply[3][:600]!r}")
    return reply

def log(text):
    print(text, file=sys.stderr, flush=True)

def publish(entry, etag, locale, what, wait_for_assets=False):
    deadline = time.time() + 60
    while True:
        reply = call("POST", f"/api/content/entries/{entry}/locales/{locale}/publish", if_match=etag)
        if reply[0] == 200 or not wait_for_assets or time.time() > deadline:
            return ok(reply, what)[1]
        time.sleep(0.5) # the asset summaries arrive from the media topic

def asset_id(file):
    return "bench-" + file.replace(".", "-")

def asset_event(asset, availability, size, name):
    variants = [] if size is None else [{"locale": "en", "sizeBytes": size, "contentType": "application/pdf",
                                          "sha256": "0" * 64, "fileName": name}]
    payload = {"assetId": asset, "kind": "document", "titles": {"en": name}, "sizeBytes": size,
               "contentType": None if size is None else "application/pdf", "availability": availability,
               "variantLocales": [] if size is None else ["en"], "contactText": {}, "contactEntryId": None,
               "expectedDate": None, "variants": variants, "changes": []}
    event = {"eventId": str(uuid.uuid4()), "type": "media.asset.changed", "schemaVersion": 1,
             "occurredAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "aggregateId": asset,
             "aggregateVersion": 1, "traceId": None, "actor": "media", "payload": payload}
    return asset + "\t" + json.dumps(event)

PRESENTATIONS = [ # title, its locale, city, country, attachment
    ("住民協働の環境モデル都市づくりを目指して~水俣市~", "ja", "Minamata City", "Japan", "minamata.ppt"),
    ("Citizens and City government's Cooperation towards Zero-emission City: The case study of Bucheon City, Korea",
     "en", "Puchon City", "Korea", "puchon.pdf"),
    ("Partnerships on Sustainable Development in Surabaya", "en", "Surabaya", "Indonesia", "surabaya-1.ppt"),
    ("仙台市地球温暖化対策推進協議会について", "ja", "Sendai City", "Japan", "sendai.ppt"),
    ("Pollution Control Programmes and Cooperation with Japan", "en", "Dalian City", "China", "dalian.ppt"),
    ("福岡市における環境国際協力の取組み", "ja", "Fukuoka City", "Japan", None),
    ("美しい日本海を未来世代へ 環日本海環境協力センター(NPEC)とともに", "ja", "Toyama Prefecture", "Japan", "toyama.ppt"),
    ("「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力", "ja", None, None, "iges.ppt"),
    ("Environmental Management and International Cooperation in Kitakyushu through Partnership among Stakeholders",
     "en", "Kitakyushu City", "Japan", "kitakyushu.ppt")]
ORGANISATIONS = [
    {"name": "United Nations Economic and Social Commission for Asia and the Pacific", "shortName": "UNESCAP",
     "division": "Environment and Sustainable Development Division", "unit": "Environment Section",
     "address": "United Nations Building, Rajdamnern Avenue\nBangkok 10200 Thailand"},
    {"name": "Institute for Global Environmental Strategies", "shortName": "IGES",
     "unit": "Kitakyushu Initiative Network Secretariat",
     "address": "3-9-30 Asano, Kokurakita-ku\nKitakyushu City 802-0001 Japan"},
    {"name": "City of Kitakyushu", "division": "Environment Bureau", "unit": "Office for International Environmental"
     " Cooperation", "address": "1-1 Jonai, Kokurakita-ku\nKitakyushu City 803-8501 Japan", "phone": "+81 93 582 2630"},
    {"name": "Kitakyushu International Techno-cooperative Association", "shortName": "KITA",
     "address": "1-1-1 Hirano, Yahatahigashi-ku\nKitakyushu City 805-0062 Japan", "email": "kita@example.org"}]

def assets():
    """The page's media events (key<TAB>json lines for SendEvents)."""
    lines = [asset_event("bench-declaration", "pending", None, "declaration.pdf")]
    for p in PRESENTATIONS:
        if p[4]:
            lines.append(asset_event(asset_id(p[4]), "available", 650_000, p[4]))
    print("\n".join(lines))

def setup():
    orgs = []
    for fields in ORGANISATIONS:
        _, etag, body, _ = ok(call("POST", "/api/content/entries",
                                   {"type": "organisation", "locale": "en", "fields": fields}), "creating an organisation")
        publish(body["entryId"], etag, "en", "publishing an organisation")
        orgs.append(body["entryId"])
    log(f"organisations {orgs}")
    presentations = []
    for title, locale, city, country, file in PRESENTATIONS:
        p = {"presenter": city or "IGES"}
        if locale == "en":
            p["title"] = title
        if city:
            p.update({"city": city, "country": country})
        if file:
            p["attachments"] = [asset_id(file)]
        presentations.append(p)
    page = {
        "title": "World Partnership Conference on Sustainable Development: Local Governments & Community-based"
                 " activities and partnerships (Japan National Seminar)",
        "summary": "At the 2002 World Summit on Sustainable Development, participants from all sectors of society"
                   "--citizens, NGOs, business sectors, local governments and universities--\"committed [themselves]"
                   " to concrete actions\" to achieve sustainable development. One year after the Johannesburg Summit,"
                   " Kitakyushu City, together with related stakeholders, organised this conference to facilitate"
                   " grassroots activities to develop opportunities for partnerships. A declaration (English,"
                   " Japanese) was adopted at the Conference (to be made available).",
        "declaration": "bench-declaration",
        "programmeIntro": "During the workshop, three concurrent sessions were conducted:",
        "date": "2003-10-28", "venue": "Kitakyushu International Conference Centre (Kitakyushu, Japan)",
        "sessions": [
            {"title": "Grassroots Activities", "theme": "Activities of residents and NGOs in environmental improvement"},
            {"title": "Business Sectors",
             "theme": "Environmental consideration of corporate activities and contributions to society"},
            {"title": "Local Governments",
             "theme": "Internatioanl cooperation in environmental activities and experiences",
             "description": "The Local Government Session was conducted as a country-specific seminar for Japan.",
             "moderators": [{"name": "Hidefumi Imura", "position": "Professor", "affiliation": "IGES",
                             "organisation": orgs[1]}],
             "presentations": presentations}],
        "organisers": orgs[0:2], "contacts": orgs[2:4]}
    _, etag, created, _ = ok(call("POST", "/api/content/entries", {"type": "event-page", "locale": "en",
                                                                    "slug": os.environ["PAGE_SLUG"], "fields": page}),
                             "creating the page")
    entry = created["entryId"]
    sessions = []
    for session in created["fields"]["sessions"]:
        items = []
        for i, p in enumerate(session.get("presentations", [])):
            item = {"id": p["id"]}
            if PRESENTATIONS[i][1] == "ja":
                item["title"] = PRESENTATIONS[i][0]
            items.append(item)
        sessions.append({"id": session["id"], "presentations": items})
    _, etag, _, _ = ok(call("PATCH", f"/api/content/entries/{entry}", {"locale": "ja", "fields": {
        "title": "持続可能な開発のための世界パートナーシップ会議", "sessions": sessions}}, if_match=etag),
                       "writing the Japanese titles")
    log("page written; publishing it once content-service has the asset summaries")
    etag = publish(entry, etag, "en", "publishing the page", wait_for_assets=True)
    log("page published; 25 Japanese pages")
    for n in range(25):
        _, e, body, _ = ok(call("POST", "/api/content/entries", {
            "type": "event-page", "locale": "ja", "slug": f"bench-ja-{n:02d}", "fields": {
                "title": f"北九州イニシアティブ会合 第{n + 1}回（ｷﾀｷｭｳｼｭｳ）",
                "summary": "クリーンな環境のための北九州イニシアティブの参加都市が、地域の環境協力の経験を共有した。"
                           "ＮＧＯ・企業・自治体の協働による取組みを紹介する。",
                "date": f"2004-{n % 12 + 1:02d}-{n % 28 + 1:02d}"}}), "creating a Japanese page")
        publish(body["entryId"], e, "ja", "publishing a Japanese page")
    with open(os.environ["WORK"] + "/page.txt", "w") as f:
        f.write(f"{entry} {etag}\n")

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]

def visible(runs):
    """Publish-to-visible through the cached gateway: from the publish call to the first read showing the title."""
    entry, etag = open(os.environ["WORK"] + "/page.txt").read().split()
    path = os.environ["PAGE_PATH"]
    delays, misses = [], 0
    for n in range(runs):
        title = f"World Partnership Conference (revision {n + 1}, {uuid.uuid4().hex[:6]})"
        _, etag, _, _ = ok(call("PATCH", f"/api/content/entries/{entry}", {"locale": "en", "fields": {"title": title}},
                                if_match=etag), "changing the title")
        started = time.perf_counter()
        etag = publish(entry, etag, "en", "publishing the change")
        conn = http.client.HTTPConnection("127.0.0.1", GW, timeout=10)
        while True:
            conn.request("GET", path)
            r = conn.getresponse()
            body = r.read()
            if r.status == 200 and json.loads(body)["fields"]["title"]["value"] == title:
                delays.append((time.perf_counter() - started) * 1000)
                break
            if time.perf_counter() - started > 10:
                misses += 1
                break
            time.sleep(0.005)
        conn.close()
    with open(os.environ["WORK"] + "/page.txt", "w") as f:
        f.write(f"{entry} {etag}\n")
    if not delays:
        print(f"FAILED: never visible within 10 s ({misses} runs)")
        return
    print(f"{len(delays)} runs, p50 {percentile(delays, 50):.0f} ms, p99 {percentile(delays, 99):.0f} ms,"
          f" max {max(delays):.0f} ms{f', {misses} not visible within 10 s' if misses else ''}")

def changes():
    """One change-feed call's latency, from the log's beginning and from its end (a mirror that is up to date)."""
    path = os.environ["CHANGES_PATH"]
    first = call("GET", path + "?limit=100", signed=False)
    if first[0] != 200:
        print(f"FAILED: {path} answered {first[0]}")
        return
    tail = first[2]["next"]
    while True:
        page = call("GET", path + "?limit=100&since=" + tail, signed=False)[2]
        tail = page["next"]
        if not page["hasMore"]:
            break
    out = []
    for name, query in (("from the beginning", "?limit=100"), ("from the end", "?limit=100&since=" + tail)):
        times = []
        for _ in range(20):
            started = time.perf_counter()
            status, _, body, _ = call("GET", path + query, signed=False)
            times.append((time.perf_counter() - started) * 1000)
        out.append(f"{name} ({len(body['items'])} items): p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    print("; ".join(out))

{"setup": setup, "assets": assets, "changes": changes,
 "visible": lambda: visible(int(sys.argv[2]))}[sys.argv[1]]()
EOF
export SECRET="$secret" CS_PORT GW_PORT WORK="$work" PAGE_SLUG PAGE_PATH CHANGES_PATH
python3 "$work/editor.py" assets \
  | java -cp "$work/lib/BOOT-INF/lib/*" "$work/SendEvents.java" 127.0.0.1:$KAFKA_PORT cms.media.events \
    > "$work/send-events.log" 2>&1 || { echo "sending the media events failed:" >&2; tail -20 "$work/send-events.log" >&2; exit 1; }
echo "creating the page, its organisations and 25 Japanese pages…"
python3 "$work/editor.py" setup

# --- nginx serving the page's bytes --------------------------------------------------------------------------------
mkdir -p "$work/nginx/html" "$work/nginx/logs"
for attempt in 1 2 3 4 5; do # the first answers of a cold JVM on a loaded machine may pass the gateway's timeout
  curl -fsS "http://127.0.0.1:$GW_UNCACHED_PORT$PAGE_PATH" > "$work/nginx/html/page.json" && break
  [ $attempt = 5 ] && { echo "bench/delivery.sh: the page does not answer through the gateway" >&2; exit 1; }
  sleep 2
done
cat > "$work/nginx/nginx.conf" << EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work/nginx/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/nginx/html; keepalive_requests 1000000; }
}
EOF
chmod -R a+rX "$work/nginx"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log"
await "http://127.0.0.1:$NGINX_PORT/page.json" nginx "$work/nginx/logs/error.log"
size=$(wc -c < "$work/nginx/html/page.json")

# --- cases ---------------------------------------------------------------------------------------------------------
cases="nginx page-uncached page-cached list-uncached"
declare -A url serving failed
url[nginx]="http://127.0.0.1:$NGINX_PORT/page.json"
url[page-uncached]="http://127.0.0.1:$GW_UNCACHED_PORT$PAGE_PATH"
url[page-cached]="http://127.0.0.1:$GW_PORT$PAGE_PATH"
url[list-uncached]="http://127.0.0.1:$GW_UNCACHED_PORT$LIST_PATH"
serving[nginx]="" serving[page-uncached]=$uncached_pid serving[page-cached]=$gateway_pid serving[list-uncached]=$uncached_pid
for c in $cases; do
  for attempt in 1 2 3; do # a cold JVM on a loaded machine may pass the gateway's timeout at first
    code=$(curl -s -o "$work/check.json" -w '%{http_code}' "${url[$c]}")
    [ "$code" = 200 ] || [ "$code" = 404 ] && break
    sleep 2
  done
  if [ "$code" != 200 ]; then
    failed[$c]="answered $code: $(head -c 300 "$work/check.json")"
    echo "bench/delivery.sh: $c FAILED, ${failed[$c]}" >&2
  fi
done
if [ -z "${failed[page-cached]:-}" ]; then
  curl -s -o "$work/check.json" "${url[page-cached]}"
  cmp -s "$work/check.json" "$work/nginx/html/page.json" \
    || echo "bench/delivery.sh: note: the cached gateway's body differs from the uncached one's" >&2
fi

run_wrk() { wrk -t2 -c32 -d"$2"s --latency --timeout 10s "${url[$1]}"; }
echo "warming up each JVM case until its rate stops rising (bench/lib/warmup.sh)…"
. "$root/bench/lib/warmup.sh"
WARMUP_LOG=$work/warmup.log
: > "$WARMUP_LOG"
for c in $cases; do [ "$c" = nginx ] || [ -n "${failed[$c]:-}" ] || warm_until_steady "$c"; done
cat "$WARMUP_LOG"

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/delivery-$stamp${BENCH_LABEL:+-$BENCH_LABEL}.md
{
  echo "# Delivery read path, $stamp"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- command: \`wrk -t2 -c32 -d${seconds}s --latency\` per case, in this order, after warming each"
  echo "  JVM case up until its rate stopped rising (below); the page is $size bytes (\`$PAGE_PATH\`); list: \`$LIST_PATH\`"
  echo
  echo "| case | req/s | p50 | p99 | non-2xx (socket errors) | of nginx | CPU s: content-service / gateway | target |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$out"
declare -A rps p50 p99 target
target[page-uncached]="≥ 2,600 req/s, p99 ≤ 50 ms"
target[page-cached]="≥ nginx/3, p99 ≤ 10 ms"
target[list-uncached]="≥ 1,500 req/s"
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000; else print v }'; }
verdict() { # case -> met / missed
  local r=${rps[$1]} p=$(ms "${p99[$1]}") n=${rps[nginx]:-0}
  case $1 in
    page-uncached) awk -v r="$r" -v p="$p" 'BEGIN { print (r >= 2600 && p <= 50) ? "met" : "missed" }' ;;
    page-cached) awk -v r="$r" -v p="$p" -v n="$n" 'BEGIN { print (r >= n / 3 && p <= 10) ? "met" : "missed" }' ;;
    list-uncached) awk -v r="$r" 'BEGIN { print (r >= 1500) ? "met" : "missed" }' ;;
  esac
}
cpu_ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
for c in $cases; do
  if [ -n "${failed[$c]:-}" ]; then
    echo "| $c | FAILED | | | | | | ${target[$c]:-} (${failed[$c]//|/\\|}) |" >> "$out"
    echo "$c: FAILED (${failed[$c]})"
    continue
  fi
  cs_before=$(cpu_ticks $content_pid) gw_before=$(cpu_ticks "${serving[$c]}")
  result=$(run_wrk "$c" "$seconds")
  cpu=$(awk -v a="$cs_before" -v b="$(cpu_ticks $content_pid)" -v c="$gw_before" -v d="$(cpu_ticks "${serving[$c]}")" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f / %.1f", (b - a) / hz, (d - c) / hz }')
  rps[$c]=$(awk '/Requests\/sec/ {print $2}' <<< "$result")
  p50[$c]=$(awk '$1 == "50%" {print $2}' <<< "$result")
  p99[$c]=$(awk '$1 == "99%" {print $2}' <<< "$result")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<< "$result")
  errors=$(grep -o 'Socket errors.*' <<< "$result" || true)
  if awk -v r="${rps[$c]:-0}" 'BEGIN { exit !(r + 0 == 0) }'; then
    echo "| $c | FAILED | | | | | $cpu | ${target[$c]:-} (no request completed in ${seconds} s${errors:+; $errors}) |" >> "$out"
    echo "$c: FAILED (no request completed in ${seconds} s${errors:+; $errors})"
    unset "rps[$c]"
    continue
  fi
  share=$(awk -v r="${rps[$c]}" -v n="${rps[nginx]:-0}" 'BEGIN { if (n > 0) printf "%.0f %%", 100 * r / n; else print "-" }')
  met=""
  [ -n "${target[$c]:-}" ] && met="${target[$c]}: $(verdict "$c")"
  echo "| $c | ${rps[$c]} | ${p50[$c]} | ${p99[$c]} | ${non2xx:-0}${errors:+ ($errors)} | $share | $cpu | $met |" >> "$out"
  echo "$c: ${rps[$c]} req/s, p50 ${p50[$c]}, p99 ${p99[$c]}, $share of nginx, CPU s content/gateway $cpu ${met:+($met)}"
done

echo "publish → visible through the cached gateway, $visible_runs runs…"
visible=$(python3 "$work/editor.py" visible "$visible_runs" 2>&1) || visible="FAILED: $visible"
p99v=$(sed -n 's/.*p99 \([0-9]*\) ms.*/\1/p' <<< "$visible")
echo "changes feed calls…"
changes=$(python3 "$work/editor.py" changes 2>&1) || changes="FAILED: $changes"
{
  echo
  echo "- publish → visible (cached gateway): $visible; target p99 ≤ 1 s: $([ -n "$p99v" ] && { [ "$p99v" -le 1000 ] && echo met || echo missed; } || echo FAILED)"
  echo "- change feed, one call of 100 items directly on content-service: $changes"
  echo "- load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- warm-up (bench/lib/warmup.sh), per case:"
  sed 's/^/  - /' "$WARMUP_LOG"
} >> "$out"
echo
cat "$out"
echo
echo "written to $out"
