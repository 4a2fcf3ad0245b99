#!/usr/bin/env bash
# Builds a self-contained application image (no Java or Maven needed on the target machine)
# from the settings in jlink.properties:  scripts/package.sh [--type app-image|deb]
# The image lands in target/image/<image.name>/, its launcher in bin/<launcher.name>.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=app-image
[ "${1:-}" = "--type" ] && TYPE=$2

prop() { sed -n "s/^$1=//p" jlink.properties; }
NAME=$(prop image.name)
LAUNCHER=$(prop launcher.name)

[ -f target/resnet-explorer.jar ] || mvn -q -B package -DskipTests
STAGE=target/jpackage-input
rm -rf "$STAGE" target/image
mkdir -p "$STAGE/lib"
cp target/resnet-explorer.jar "$STAGE/"
cp target/lib/*.jar "$STAGE/lib/"

read -r -a JAVA_OPTS <<<"$(prop jvm.options)"
OPTS=()
for o in "${JAVA_OPTS[@]}"; do OPTS+=(--java-options "$o"); done

jpackage --type "$TYPE" --name "$NAME" --app-version "$(prop app.version)" \
  --input "$STAGE" --main-jar "$(prop main.jar)" --main-class "$(prop main.class)" \
  --add-modules "$(prop add.modules)" "${OPTS[@]}" \
  --dest target/image

if [ "$TYPE" = app-image ]; then
  APP=target/image/$NAME/lib/app
  IFS=, read -r -a CONTENT <<<"$(prop app.content)"
  for c in "${CONTENT[@]}"; do
    [ -e "$c" ] && cp -r "$c" "$APP/"
  done
  if [ "$LAUNCHER" != "$NAME" ]; then
    ln -sf "$NAME" "target/image/$NAME/bin/$LAUNCHER"
  fi
  echo "image: target/image/$NAME (launcher: target/image/$NAME/bin/$LAUNCHER)"
  du -sh "target/image/$NAME"
fi
