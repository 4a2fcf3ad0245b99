#!/usr/bin/env bash
# Builds DJL's PyTorch JNI (libdjl_torch.so) for the PyTorch installed on this machine and puts
# it where DJL's PyTorch engine looks for it. Needed for the GPU route through an installed
# PyTorch (README, "Using a GPU") when that PyTorch is not 2.7.1: DJL ships its JNI for 2.7.1
# only (CPU and CUDA 12.8, inside the pytorch-jni jar of the -Dpytorch build).
#
#   scripts/build-torch-jni.sh [--torch DIR] [--djl-source DIR]
#
#   --torch DIR       the torch folder of the installation (default: the one python3 imports)
#   --djl-source DIR  a copy of DJL's source at the version in pom.xml (default: cloned from
#                     GitHub into target/djl-src, which needs internet once)
# Needs a JDK (javac and its headers), g++, and the app built with 'mvn -Dpytorch package'
# (DJL's jars in target/lib). Builds in target/torch-jni, then installs into
# ~/.djl.ai/pytorch/<version>-<flavour>-<platform>/ (DJL_CACHE_DIR or ENGINE_CACHE_DIR move it).
set -euo pipefail
cd "$(dirname "$0")/.."
TORCH=""; SRC=""
while [ $# -gt 0 ]; do
  case $1 in
    --torch) TORCH=$2; shift 2 ;;
    --djl-source) SRC=$2; shift 2 ;;
    *) echo "usage: $0 [--torch DIR] [--djl-source DIR]" >&2; exit 2 ;;
  esac
done
fail() { echo "error: $*" >&2; exit 2; }

DJL=$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' pom.xml | head -1)
if [ -z "$TORCH" ]; then
  TORCH=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))' 2>/dev/null) \
    || fail "python3 cannot import torch: give its folder with --torch DIR"
fi
[ -f "$TORCH/lib/libtorch.so" ] || fail "no lib/libtorch.so in $TORCH: --torch takes the torch folder"
[ -f "$TORCH/version.py" ] || fail "no version.py in $TORCH: --torch takes the torch folder of a pip or conda PyTorch"
VERSION=$(sed -n "s/^__version__ *= *['\"]\([0-9]*\.[0-9]*\.[0-9]*\).*/\1/p" "$TORCH/version.py")
CUDA=$(sed -n "s/^cuda.*['\"]\([0-9]*\)\.\([0-9]*\)['\"].*/cu\1\2/p" "$TORCH/version.py")
FLAVOR=${CUDA:-cpu}
[ -n "$VERSION" ] || fail "no __version__ in $TORCH/version.py"
# libtorch built with the C++11 string ABI exports std::__cxx11 names (pip's wheels since 2.7)
ABI=0; [ "$(nm -D "$TORCH/lib/libc10.so" | grep -c __cxx11)" -gt 0 ] && ABI=1
ls target/lib/pytorch-engine-*.jar >/dev/null 2>&1 || fail "build the app first: mvn -Dpytorch package"
JAVAC=$(command -v javac) || fail "javac not found: a JDK is needed"
JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$JAVAC")")")}
[ -f "$JDK/include/jni.h" ] || fail "no include/jni.h in $JDK: set JAVA_HOME to a JDK"

if [ -z "$SRC" ]; then
  SRC=target/djl-src
  [ -d "$SRC" ] || git clone -q --depth 1 --branch "v$DJL" https://github.com/deepjavalibrary/djl.git "$SRC" \
    || fail "could not clone DJL $DJL from GitHub: copy its source here and use --djl-source DIR"
fi
NATIVE=$SRC/engines/pytorch/pytorch-native/src/main/native
JAVA_SRC=$SRC/engines/pytorch/pytorch-engine/src/main/java
[ -d "$NATIVE" ] || fail "no $NATIVE: --djl-source takes the top folder of DJL's source"

echo "building DJL $DJL's PyTorch JNI for PyTorch $VERSION ($FLAVOR, C++11 ABI $ABI) from $TORCH"
B=target/torch-jni
rm -rf "$B"; mkdir -p "$B/include" "$B/classes" "$B/obj"
"$JAVAC" -nowarn -cp "target/lib/*" -sourcepath "$JAVA_SRC" -h "$B/include" -d "$B/classes" \
  "$JAVA_SRC/ai/djl/pytorch/jni/PyTorchLibrary.java"
FLAGS=(-O2 -fPIC -std=c++17 -DNDEBUG "-D_GLIBCXX_USE_CXX11_ABI=$ABI" -w
  -I"$TORCH/include" -I"$TORCH/include/torch/csrc/api/include" -I"$B/include"
  -I"$SRC/api/src/main/native" -I"$JDK/include" -I"$JDK/include/linux")
pids=()
for f in "$NATIVE"/*.cc; do
  o=$B/obj/$(basename "$f" .cc)
  g++ "${FLAGS[@]}" -c "$f" -o "$o.o" 2>"$o.err" &
  pids+=($!)
  # one compiler per core: each takes about 1 GB
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do sleep 0.2; done
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
if [ $failed = 1 ]; then
  for e in "$B"/obj/*.err; do
    [ -s "$e" ] && { echo "== $e"; grep -m 10 -A3 error "$e" || head -20 "$e"; }
  done
  fail "the JNI does not compile against PyTorch $VERSION (above); DJL $DJL was written for 2.7.1"
fi
LIBS=(-ltorch -ltorch_cpu -lc10)
[ -f "$TORCH/lib/libtorch_cuda.so" ] && LIBS+=(-ltorch_cuda -lc10_cuda)
g++ -shared -o "$B/libdjl_torch.so" "$B"/obj/*.o -L"$TORCH/lib" -Wl,--no-as-needed "${LIBS[@]}" \
  -Wl,-rpath,"$TORCH/lib"

CACHE=${ENGINE_CACHE_DIR:-${DJL_CACHE_DIR:-$HOME/.djl.ai}}/pytorch/$VERSION-$FLAVOR-linux-$(uname -m | sed 's/amd64/x86_64/')
mkdir -p "$CACHE"
cp "$B/libdjl_torch.so" "$CACHE/$DJL-libdjl_torch.so"
echo "installed $CACHE/$DJL-libdjl_torch.so"
echo "start the app with: java -Dresnet.libtorch=$TORCH -jar target/resnet-explorer.jar"
