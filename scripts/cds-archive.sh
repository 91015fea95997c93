#!/usr/bin/env bash
# Builds the start-up-optimised deployment of the service: the exec jar extracted into plain jars,
# plus a class-data-sharing (AppCDS) archive of the classes a start loads, so the JVM maps them
# ready-parsed instead of reading, parsing and verifying some 20,000 classes on every start.
#
#   scripts/cds-archive.sh [exec-jar] [destination]      (defaults: target/*-exec.jar, target/deploy)
#
# Then start the service, from any directory, with the absolute paths the script prints:
#   java -XX:SharedArchiveFile=/…/target/deploy/advisor.jsa -jar /…/target/deploy/<exec-jar name>
#
# The archive belongs to this JVM build and these exact jars: build it again after every
# `mvn package`, on the machine's own JDK, and where the jar will run from (the JVM refuses a stale
# archive, or one written for another jar path, and starts without it: slow, never wrong). docs/performance.md has the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${1:-$(ls target/*-exec.jar 2>/dev/null | head -1)}
dest=${2:-target/deploy}
[[ -n "$jar" && -f "$jar" ]] || { echo "no exec jar: run 'mvn package' first, or give its path" >&2; exit 2; }
command -v java >/dev/null || { echo "java is not on the PATH" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

echo "1/3 extracting $jar into $dest"
[[ -n "$dest" && "$dest" != "/" ]] || { echo "refusing to replace \"$dest\"" >&2; exit 2; }
rm -rf "$dest"
java -Djarmode=tools -jar "$jar" extract --destination "$dest" >"$work/extract.log" 2>&1 \
  || { cat "$work/extract.log" >&2; exit 1; }
# absolute: the archive records the class path it was written for, and the JVM uses the archive only
# when the service is started with the very same jar path
app="$(cd "$dest" && pwd)/$(basename "$jar")"

echo "2/3 training run: starting the service once (temporary database, rules/ folder) to list the classes it loads"
# spring.context.exit=onRefresh stops the JVM once the context is up: every bean, the rule set and
# its scenarios have been loaded by then, which is what a start costs.
if ! PORT=0 SPRING_DATASOURCE_URL="jdbc:h2:file:$work/db" ADVISOR_RULES_DIR="${ADVISOR_RULES_DIR:-rules}" \
     java -XX:DumpLoadedClassList="$work/classes.lst" -Dspring.context.exit=onRefresh -jar "$app" >"$work/training.log" 2>&1; then
  tail -40 "$work/training.log" >&2
  echo "the training run failed (its log is above)" >&2
  exit 1
fi
# OpenJDK 17 crashes while archiving lambda proxy classes of this application (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary, both for -XX:ArchiveClassesAtExit
# and for -Xshare:dump); leaving the @lambda-proxy lines out avoids it and costs little.
grep -v '^@lambda-' "$work/classes.lst" >"$dest/advisor.classlist"

echo "3/3 writing the archive ($(wc -l <"$dest/advisor.classlist") classes)"
if ! java -Xshare:dump -XX:SharedClassListFile="$dest/advisor.classlist" -XX:SharedArchiveFile="$dest/advisor.jsa" \
     -Xlog:cds=error -jar "$app" >"$work/dump.log" 2>&1; then
  tail -40 "$work/dump.log" >&2
  echo "writing the archive failed (its log is above)" >&2
  exit 1
fi

echo "done in $((SECONDS - started)) s: $(du -h "$dest/advisor.jsa" | cut -f1) archive. Start the service with:"
echo "  java -XX:SharedArchiveFile=$(dirname "$app")/advisor.jsa -jar $app"
echo "(the archive serves only that jar path; with another path, or a rebuilt jar, the JVM starts without it)"
