#!/usr/bin/env bash
# Trains the four models shipped under assets/models/ with the project's own `train` command.
# Each run saves after every epoch; run this script again to resume where it stopped.
# Needs: mvn -q package -DskipTests, and Fashion-MNIST (apt-get install dataset-fashion-mnist).
set -euo pipefail
cd "$(dirname "$0")/.."
# a private copy of the jar, so that rebuilding the project meanwhile cannot disturb the run
RUN=${RUN_DIR:-$HOME/.resnet-explorer/train-run}
LOGS=${LOGS:-$RUN/logs}
mkdir -p "$RUN" "$LOGS"
if [ ! -f "$RUN/resnet-explorer.jar" ]; then
  cp -r target/resnet-explorer.jar target/lib "$RUN/"
fi
JAR=$RUN/resnet-explorer.jar

train() { # name arch epochs lr-drops [--plain]
  local name=$1 arch=$2 epochs=$3 drops=$4; shift 4
  local out=assets/models/$name
  local done=0
  if [ -f "$out/model.properties" ]; then
    done=$(sed -n 's/^epochs=//p' "$out/model.properties")
  fi
  if [ "${done:-0}" -ge "$epochs" ]; then
    echo "$name: already trained ($done epochs)"; return
  fi
  local resume=()
  [ "${done:-0}" -gt 0 ] && resume=(--resume)
  echo "$name: training from epoch ${done:-0} of $epochs (log: $LOGS/$name.log)"
  java -Xmx4g -jar "$JAR" train --arch "$arch" --data fashion-mnist --epochs "$epochs" \
    --batch 128 --lr 0.1 --lr-drops "$drops" --seed 42 --out "$out" "${resume[@]}" "$@" \
    >>"$LOGS/$name.log" 2>&1
}

train resnet20-fashion resnet20 15 8,12
train resnet56-fashion resnet56 3 2
train plain56-fashion  resnet56 3 2 --plain
train plain20-fashion  resnet20 15 8,12 --plain
