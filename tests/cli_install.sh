#!/usr/bin/env bash
# cli_install.sh SITREP TESTS_DIR SHARED_DIR -- `cmake --install` of the
# build SITREP is in, into a fresh prefix: the header, libsitrep.so with its
# soname and only sitrep_* symbols exported, sitrep.pc that a program
# compiles and links with, the CLI, the man page, and the Python package
# that loads the installed library by itself.  Skipped (77) in builds
# without the shared library (sanitizers, fuzzing).
set -u
bin=$1; tests=$2
build=$(cd "$(dirname "$bin")" && pwd)
[ -e "$build/libsitrep.so.0" ] || { echo "no shared library in this build: skipped"; exit 77; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }

cmake --install "$build" --prefix "$t/p" >"$t/log" 2>&1 || { cat "$t/log"; bad "cmake --install"; }
libdir=$(dirname "$(find "$t/p" -name 'libsitrep.so.0' | head -1)")
[ -f "$t/p/include/sitrep.h" ] && ok || bad "the header is installed"
[ -x "$t/p/bin/sitrep" ] && ok || bad "the CLI is installed"
[ -f "$t/p/share/man/man1/sitrep.1" ] && ok || bad "sitrep(1) is installed"
soname=$(objdump -p "$libdir/libsitrep.so.0" 2>/dev/null | awk '/SONAME/ {print $2}')
[ "$soname" = libsitrep.so.0 ] && ok || bad "soname libsitrep.so.0 (got '$soname')"
# every exported function is the public API's, and each one the header declares is exported
exported=$(nm -D --defined-only "$libdir/libsitrep.so.0" | awk '$2 == "T" {sub(/@.*/, "", $3); print $3}' | sort)
stray=$(echo "$exported" | grep -v '^sitrep_' || true)
[ -z "$stray" ] && ok || bad "symbols outside the API exported: $(echo $stray | head -c 300)"
declared=$(grep -o 'SITREP_EXPORT[^(]*(' "$t/p/include/sitrep.h" | grep -o 'sitrep_[a-z0-9_]*($' | tr -d '(' | sort -u)
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
[ -n "$declared" ] && [ -z "$missing" ] && ok || bad "declared but not exported: $missing"

# a program built with pkg-config's flags against the installed library
cat > "$t/use.c" <<'C'
#include <sitrep.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    sitrep_doc *doc;
    const char *text = "A roadside bomb killed four soldiers near Kidal on Monday, the army said.";
    if (sitrep_doc_from_memory("t", text, strlen(text), NULL, NULL, &doc) != SITREP_OK)
        return 1;
    printf("%s %zu\n", sitrep_version(), sitrep_doc_event_count(doc));
    sitrep_doc_free(doc);
    return 0;
}
C
pcdir=$(dirname "$(find "$t/p" -name sitrep.pc | head -1)")
if flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs sitrep) &&
   cc -o "$t/use" "$t/use.c" $flags 2>"$t/err"; then
  ok
  out=$(LD_LIBRARY_PATH="$libdir" "$t/use") && ok || bad "the program runs against the installed library"
  [ "${out%% *}" = "$("$bin" --version | awk '{print $2}')" ] && ok || bad "the library's version is the CLI's ($out)"
  LD_LIBRARY_PATH="$libdir" ldd "$t/use" | grep -q "$libdir/libsitrep.so.0" && ok || bad "the program links the installed libsitrep.so.0"
else
  bad "compiling with pkg-config --cflags --libs sitrep: $(cat "$t/err")"
fi

# the Python package finds the library it was installed with
pkg=$(dirname "$(find "$t/p" -path '*/sitrep/__init__.py' | head -1)")
if [ -f "$pkg/__init__.py" ] && command -v /usr/bin/python3 >/dev/null; then
  got=$(cd / && env -u SITREP_LIBRARY PYTHONPATH="$(dirname "$pkg")" /usr/bin/python3 -c \
        'import sitrep, sitrep._lib as l; print(l.lib._name)' 2>&1)
  [ "$got" = "$libdir/libsitrep.so.0" ] && ok || bad "the installed Python package loads the installed library (got $got)"
else
  bad "the Python package is installed"
fi

echo "cli_install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
