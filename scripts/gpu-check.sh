#!/usr/bin/env bash
# Checks ResNet Explorer on a GPU, headless: which device each engine sees, classification of
# the sample images, both probes, speed, and a short training run. This is what was run on an
# NVIDIA H100 (docs/PERFORMANCE.md, GPU); README "Using a GPU" has the set-up.
#
#   scripts/gpu-check.sh [--libtorch DIR] [--data SPEC]
#
#   --libtorch DIR  the torch folder of an installed CUDA PyTorch (the route that was run);
#                   without it, the build's own engine natives are used
#   --data SPEC     Fashion-MNIST for the training run (default: fashion-mnist; skipped if absent)
# JAVA and APP_JAR override the java command and the application jar.
cd "$(dirname "$0")/.."
LIBTORCH=""; DATA=fashion-mnist
while [ $# -gt 0 ]; do
  case $1 in
    --libtorch) LIBTORCH=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    *) echo "usage: $0 [--libtorch DIR] [--data SPEC]" >&2; exit 2 ;;
  esac
done
JAVA=${JAVA:-java}; APP_JAR=${APP_JAR:-target/resnet-explorer.jar}
OPTS=(-Xmx8g)
[ -n "$LIBTORCH" ] && OPTS+=("-Dresnet.libtorch=$LIBTORCH")
app() { "$JAVA" "${OPTS[@]}" -jar "$APP_JAR" "$@"; }
step() { echo; echo "== $*"; }
timed() {
  local t0; t0=$(date +%s%N)
  "$@"; local rc=$?
  echo "[exit $rc, $(( ($(date +%s%N) - t0) / 1000000 )) ms]"
  return $rc
}
command -v nvidia-smi >/dev/null && nvidia-smi -L

step "device (--device auto: a GPU when the engine sees one)"
timed app bench --arch resnet20 --batch 8 --runs 3 --warmup 1 || exit 1

step "classify the 20 Fashion-MNIST sample images"
right=0; total=0
while read -r file; read -r pct label; do
  total=$((total + 1))
  want=$(basename "$file" | sed 's/fashion-[0-9]-\(.*\)-[0-9].png/\1/; s/-//g')
  got=$(echo "$label" | tr -d ' /-' | tr 'A-Z' 'a-z')
  [ "$want" = "$got" ] && right=$((right + 1))
  echo "$(basename "$file"): $label $pct"
done < <(app classify --model resnet20-fashion --top 1 sample-images/fashion-*.png)
echo "$right of $total right (the shipped ResNet-20 gets 19: ankle boot 2 looks like a sandal)"

step "probes of ResNet-56 and its plain twin"
timed app probe --model resnet56-fashion --image sample-images/fashion-7-sneaker-1.png \
  --what gradients | sed -n '1,3p;$p'
timed app probe --model resnet56-fashion --image sample-images/fashion-7-sneaker-1.png \
  --what shortcuts | sed -n '1,3p;$p'

step speed
for args in "resnet50 --batch 1" "resnet50 --batch 32" "resnet20 --input 1,28,28 --batch 256" \
    "resnet20 --input 1,28,28 --batch 128 --train" "resnet56 --input 1,28,28 --batch 32 --probe"; do
  # shellcheck disable=SC2086
  app bench --arch $args 2>/dev/null
done

step "training ResNet-20 for one epoch on 20 000 images"
timed app train --arch resnet20 --data "$DATA" --epochs 1 --limit 20000 \
  --out "${TMPDIR:-/tmp}/gpu-check-resnet20" || echo "(training did not run: the reason is above)"
