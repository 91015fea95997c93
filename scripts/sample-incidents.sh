#!/usr/bin/env bash
# Records sample incidents with return visits against a running service, so the "what works" view
# (GET /api/insights/rules, /trainer/insights) has something to show. Each incident is advised and
# stored (POST /api/incidents), then followed up (POST /api/incidents/{id}/follow-ups) with a
# perception drawn around what owners would plausibly feel after that kind of problem: a lift or
# water outage leaves more owners unhappy than a community event. Made-up data: never against production.
#
#   ADVISOR_API_KEY=… scripts/sample-incidents.sh [-n COUNT] [-u URL]
#   ADVISOR_USER=li.supervisor ADVISOR_PASSWORD=… scripts/sample-incidents.sh [-n COUNT] [-u URL]
#
# Defaults: 200 incidents, http://localhost:8080. The same COUNT gives the same incidents (fixed seed).
# Needs bash and curl. Exit code 0 when every incident and visit was stored, 1 otherwise.
set -euo pipefail

count=200
url=http://localhost:8080
while getopts "n:u:h" option; do
  case $option in
    n) count=$OPTARG ;;
    u) url=${OPTARG%/} ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done
[[ "$count" =~ ^[0-9]+$ && "$count" -ge 1 ]] || { echo "-n takes a count of at least 1" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not on the PATH" >&2; exit 2; }
if [[ -n "${ADVISOR_API_KEY:-}" ]]; then
  auth=(-H "X-API-Key: $ADVISOR_API_KEY")
elif [[ -n "${ADVISOR_USER:-}" && -n "${ADVISOR_PASSWORD:-}" ]]; then
  auth=(-u "$ADVISOR_USER:$ADVISOR_PASSWORD")
else
  echo "set ADVISOR_API_KEY, or ADVISOR_USER and ADVISOR_PASSWORD (a SUPERVISOR, TRAINER or ADMIN)" >&2
  exit 2
fi

# issue key, service area, the perception owners typically give at the visit (1..5), a summary
issues=(
  "lift-outage|ENGINEERING|2|电梯又停了，老人上不了楼"
  "water-outage|ENGINEERING|2|停水一整天也没通知"
  "garbage-collection|ENVIRONMENT|3|垃圾堆了两天没人清"
  "public-area-hygiene|ENVIRONMENT|3|大堂和电梯里很脏"
  "repair-delay|ENGINEERING|3|报修一个星期了还没人来"
  "staff-attitude|SECURITY|3|门岗保安说话很冲"
  "security-patrol|SECURITY|3|晚上没看到有人巡逻"
  "corridor-lighting|ENGINEERING|4|楼道灯坏了好几盏"
  "parking-space-occupied|PARKING|3|我的车位又被人占了"
  "noise|COMMUNITY_LIFE|3|楼下广场太吵"
  "notice-overload|CUSTOMER_SERVICE|4|业主群里通知太多了"
  "community-event|COMMUNITY_LIFE|4|希望中秋办个游园会"
  "greening|ENVIRONMENT|4|楼下草坪秃了一块"
  "fees-dispute|CUSTOMER_SERVICE|3|物业费算错了"
)
emotions=(CALM UPSET ANGRY)
channels=(PHONE APP WECHAT WALK_IN)

RANDOM=15
stored=0
visited=0
failed=0
for ((i = 1; i <= count; i++)); do
  IFS='|' read -r issue area typical summary <<<"${issues[RANDOM % ${#issues[@]}]}"
  emotion=${emotions[RANDOM % 3]}
  channel=${channels[RANDOM % 4]}
  expectation=$((3 + RANDOM % 3))
  body=$(printf '{"externalId":"SAMPLE-%05d","channel":"%s","community":"阳光花园","serviceArea":"%s","issue":"%s","summary":"%s","complainant":{"role":"OWNER","emotion":"%s"},"expectation":%d}' \
    "$i" "$channel" "$area" "$issue" "$summary" "$emotion" "$expectation")
  headers=$(curl -s -o /dev/null -D - -X POST "$url/api/incidents" "${auth[@]}" \
    -H 'Content-Type: application/json' --data-binary "$body") || { failed=$((failed + 1)); continue; }
  location=$(printf '%s' "$headers" | tr -d '\r' | sed -n 's/^[Ll]ocation: *//p')
  if [[ -z "$location" ]]; then
    echo "incident $i not stored: $(printf '%s' "$headers" | head -1 | tr -d '\r')" >&2
    failed=$((failed + 1))
    continue
  fi
  stored=$((stored + 1))
  id=${location##*/}
  # the visit: around the typical perception, one lower for an angry owner, never outside 1..5
  perception=$((typical + RANDOM % 3 - 1))
  [[ $emotion == ANGRY ]] && perception=$((perception - 1))
  ((perception < 1)) && perception=1
  ((perception > 5)) && perception=5
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/api/incidents/$id/follow-ups" "${auth[@]}" \
    -H 'Content-Type: application/json' --data-binary "{\"perception\":$perception,\"comment\":\"回访（示例数据）\"}") || status=000
  if [[ $status == 201 ]]; then
    visited=$((visited + 1))
  else
    echo "visit to incident $id not stored: HTTP $status" >&2
    failed=$((failed + 1))
  fi
done
echo "$stored incidents recorded, $visited followed up, $failed failed (against $url)"
[[ $failed -eq 0 ]]
