#!/usr/bin/env bash
# The container image's base, made without a container engine or a registry (none is reachable from these
# machines): a Java runtime cut down with jlink from the build machine's JDK, the shared libraries it loads
# (found with ldd), and the few files a non-root user needs. Jib (mvn package) lays the application over it
# and writes target/jib-image.tar, which ContainerImageIT opens. Usage: scripts/image-runtime.sh [--again]
set -euo pipefail
cd "$(dirname "$0")/.."
root="target/image-root"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
[ -x "$jlink" ] || { echo "no jlink in $java_home: a full JDK (with jmods) is needed to build the image" >&2; exit 2; }

if [ -f "$root/opt/java/release" ] && [ -f "$root/etc/passwd" ] && [ "${1:-}" != "--again" ]; then
  echo "image runtime already in $root (delete it, or mvn clean, to build it again)"; exit 0
fi
rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/var/lib/advisor"
# the modules the service uses (Spring, Drools with its Java compiler, JDBC, JMX for metrics, Chinese locale data)
"$jlink" --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.compiler,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.jfr \
  --strip-debug --no-man-pages --no-header-files --compress=1 --output "$root/opt/java"

# every shared library the runtime links against, at the path the loader looks for it
{ ldd "$root/opt/java/bin/java"; find "$root/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | awk '/=> \// {print $3} /^\s*\/.*ld-linux/ {print $1}' | sort -u | while read -r lib; do
    case "$lib" in "$root"*) continue ;; esac
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
# the loader also at the path the runtime's binaries name (merged /usr on Debian: /lib64 is a link)
interp="$(readelf -l "$root/opt/java/bin/java" | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
mkdir -p "$root$(dirname "$interp")"
cp -L "$interp" "$root$interp"

# the user the image runs as: uid 10001, no shell, no password
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nadvisor:x:10001:10001:advisor:/var/lib/advisor:/usr/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nadvisor:x:10001:\n' > "$root/etc/group"
echo "image runtime in $root: $(du -sh "$root" | cut -f1)"
