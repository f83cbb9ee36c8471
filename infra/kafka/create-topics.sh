#!/usr/bin/env bash
# Creates the topics of topics.conf (next to this script) that are missing, with kafka-topics.sh.
# Usage: create-topics.sh <bootstrap-servers> [topics.conf]
set -euo pipefail
bootstrap="${1:?usage: create-topics.sh <bootstrap-servers> [topics.conf]}"
conf="${2:-$(dirname "$0")/topics.conf}"
kafka_topics="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

while read -r name partitions policy retention; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 1 \
    --config "cleanup.policy=$policy" --config "retention.ms=$retention"
done < "$conf"
