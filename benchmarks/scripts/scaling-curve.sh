#!/usr/bin/env bash
# The scaling-curve measurements of docs/performance.md ("The scaling curve to 5,000,000 people"), one run after
# another on a quiet machine. Usage: benchmarks/scripts/scaling-curve.sh DATA_DIR [JAR]
#   DATA_DIR holds g100k, g500000, g1000000 and g5m made by `sdelink generate` (see docs/performance.md for the
#   --people/--seed of each); JAR defaults to pipelines/target/sdelink.jar. Figures go to DATA_DIR/curve.csv, each
#   run's printed table to DATA_DIR/curve-<name>.txt and /usr/bin/time's peak RSS to DATA_DIR/curve-<name>.err.
set -euo pipefail
data=${1:?usage: scaling-curve.sh DATA_DIR [JAR]}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar=${2:-$here/pipelines/target/sdelink.jar}
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
run() {
  local name=$1; shift
  echo "== $name start $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086
  /usr/bin/time -v java -Xmx8g $opens -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$jar" bench "$@" \
    --output "$data/curve-out-$name" --csv "$data/curve.csv" > "$data/curve-$name.txt" 2> "$data/curve-$name.err"
  echo "== $name end $(date +%T)"
  rm -rf "$data/curve-out-$name"
}
run direct100k --input "$data/g100k"
run flink100k --input "$data/g100k" --runner=FlinkRunner --parallelism=2
run flink500k --input "$data/g500000" --runner=FlinkRunner --parallelism=2
run flink1m --input "$data/g1000000" --runner=FlinkRunner --parallelism=2
run flink5m --input "$data/g5m" --runner=FlinkRunner --parallelism=2 --no-plain-loop
