#!/usr/bin/env bash
# The lexicon generator (tools/mklex.c) refuses what the format forbids,
# naming file and line, and compiles what it allows into ids a rule can use.
# usage: cli_mklex.sh SITREP TESTS_DIR SHARED_DIR (mklex is built beside SITREP)
set -u
mklex=$(dirname "$1")/mklex
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $1"; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

refuses() { # name, expected message part, file content
  printf '%s\n' "$3" >"$t/$1.lex"
  if "$mklex" "$t/o.c" "$t/o.h" "$t/$1.lex" 2>"$t/err"; then
    bad "$1: accepted"
  elif grep -q "$1.lex:[0-9]*: .*$2" "$t/err"; then ok
  else bad "$1: message was: $(cat "$t/err")"; fi
}
refuses twice "already in twice.w" $'[set w]\nsaid\nSaid'
refuses columns "takes 2 columns" $'[table t: a b]\nbombing  ied'
refuses extra "takes 1 column" $'[table t: a]\nbombing  ied  x'
refuses badvalue "not an identifier" $'[table t: a]\nbombing  i-e-d'
refuses empty "is empty" $'[set a]\n[set b]\nx'
refuses defined "defined twice" $'[set a]\nx\n[set a]\ny'
refuses orphan "before any section" $'said'
refuses kind "unknown section kind" $'[list a]\nx'
refuses long "more than 8 words" $'[set a]\none two three four five six seven eight nine'
refuses places "more decimal places" $'[table t: v/100]\nx  0.125'
refuses scale "the scale is a whole number" $'[table t: v/x]\nx  1'
refuses decimal "bad number" $'[table t: v]\nx  0.5'
refuses constname "not a C identifier" $'[constants k: v]\ntwo words  1'
refuses constcols "take one column" $'[constants k: v w]\nx  1  2'
refuses unionmissing "no class unionmissing.nope" $'[set a]\nx\n[union u: a nope]'
refuses unionone "fewer than two classes" $'[set a]\nx\n[union u: a]'
refuses unionentries "lists classes, not entries" $'[set a]\nx\n[set b]\ny\n[union u: a b]\nz'
refuses unionconst "not a set or a table" $'[set a]\nx\n[constants k: v]\nn  1\n[union u: a k]'

# a good file: classes, columns and shared enum values become ids
cat >"$t/ev.lex" <<'LEX'
# comment
[set aircraft]   # trailing comment
Jets
War Planes
[table triggers: sub=event_sub guard]
bombing     ied   -
bombed      air   aircraft
bombed      ied   -
LEX
cat >"$t/fr.lex" <<'LEX'
[table nouns: sub=event_sub]
blast  ied
raid   clash
LEX
if "$mklex" "$t/o.c" "$t/o.h" "$t/ev.lex" "$t/fr.lex" 2>"$t/err"; then ok; else bad "good files refused: $(cat "$t/err")"; fi
grep -q 'SR_LEX_EV_AIRCRAFT = 0' "$t/o.h" && ok || bad "class id"
grep -q 'SR_LEXCOL_EV_TRIGGERS_GUARD 1' "$t/o.h" && ok || bad "column id"
grep -q 'SR_LEXE_EVENT_SUB_IED 1' "$t/o.h" && grep -q 'SR_LEXE_EVENT_SUB_AIR 2' "$t/o.h" \
  && grep -q 'SR_LEXE_EVENT_SUB_CLASH 3' "$t/o.h" && ok || bad "one enum shared by two files, in order"
grep -q 'SR_LEXE_EV_TRIGGERS_GUARD_AIRCRAFT 1' "$t/o.h" && ok || bad "a column's own enum"
grep -q '"war planes"' "$t/o.c" && grep -q '"jets"' "$t/o.c" && ok || bad "phrases folded and joined by one space"
# [constants]: each entry a compile-time number; a scaled column keeps
# decimals as whole numbers times its scale
cat >"$t/k.lex" <<'LEX'
[constants limits: value/1000]
edge_min    0.08
days        7
fall        -1.5
LEX
if "$mklex" "$t/k.c" "$t/k.h" "$t/k.lex" 2>"$t/err"; then ok; else bad "constants refused: $(cat "$t/err")"; fi
grep -q 'SR_LEXK_K_LIMITS_EDGE_MIN 80 ' "$t/k.h" && grep -q 'SR_LEXK_K_LIMITS_DAYS 7000 ' "$t/k.h" \
  && grep -q 'SR_LEXK_K_LIMITS_FALL -1500 ' "$t/k.h" && ok || bad "constants and their scaled values"
grep -q 'SR_LEXSCALE_K_LIMITS_VALUE 1000' "$t/k.h" && ok || bad "the scale of a column"
# the same output whatever order the files are given in
"$mklex" "$t/o2.c" "$t/o2.h" "$t/fr.lex" "$t/ev.lex" && cmp -s "$t/o.c" "$t/o2.c" && cmp -s "$t/o.h" "$t/o2.h" \
  && ok || bad "output depends on argument order"
# [union]: a class of the entries of classes in any file (fr.nouns here)
printf '%s\n' '[union hits: aircraft fr.nouns]' >>"$t/ev.lex"
if "$mklex" "$t/u.c" "$t/u.h" "$t/ev.lex" "$t/fr.lex" 2>"$t/err"; then ok; else bad "union refused: $(cat "$t/err")"; fi
grep -q 'SR_LEX_EV_HITS = ' "$t/u.h" && grep -q '"ev.hits", "data/lex/ev.lex", [0-9]*, 0, 2}' "$t/u.c" \
  && ok || bad "a union's id, and its longest phrase (war planes: 2 words)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
