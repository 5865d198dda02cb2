#!/usr/bin/env bash
# What articles say together, on small corpora written for sitrep
# (tests/fixtures/corpus/<case>/, every article invented):
#   wire         one AP story, its own copy and two local reprints with their
#                own page furniture, another headline, a paragraph dropped and
#                the AP credit kept: one story, both reprints duplicate_of the
#                wire copy, the claims all three state counted as ONE outlet;
#   paraphrase   Reuters and Garowe Online telling one AFRICOM statement in
#                their own words a day apart: one story, no duplicate, the
#                shared claims corroborated by 2 outlets;
#   two_attacks  a market car bomb and, later the same day, a hotel siege in
#                Mogadishu in one article (plus a second outlet's piece on the
#                hotel only): two events with their own tolls, never merged;
#   scope        counts that differ only in scope (Somalia vs Somalia and
#                Kenya, half-year vs full-year) are not conflicts, nor is a
#                raid's toll against a war's toll (4,000 vs 19); two
#                agencies' different strengths for one group in one country
#                are;
#   happenings   four happenings in northern Nigeria in one week: two
#                look-alike attacks by gunmen on motorcycles on one Saturday
#                in two states (a mosque in Bakura, a market in Dandume), a
#                bus station bombing whose toll four outlets revise over
#                three days (at least 12, then 18, then 23), and an air
#                strike whose dead the air force and Amnesty International
#                count differently: one story each, the revisions shown as
#                updates, the disagreement as a dispute, nothing else.
#   years_apart  two earthquakes in one province, undated articles: three
#                state the day of one (in 2014), three name only an earlier
#                year (a tremor in 2006) of the other: two stories.
#   borrowed_day two arrests of one kind in one country a month apart: two
#                undated reports of the first take the date of the dated
#                report of the second from their story, so their "Tuesday"
#                falls on its Tuesday; no happening joins them (a day read
#                against a borrowed date is no evidence of one happening).
#   later_year   one parliamentary election, three undated reports naming
#                only earlier votes (2003, 2004), a court ruling on it dated
#                two years on, and a look-alike election of 2012: the ruling
#                joins the election's story (a follow-up), the 2012 election
#                stays apart (one dated article against coverage that names
#                no year within rules.year_gap of it).
#   unscoped     one flood, two reports a day apart: 14 people rescued from
#                roofs, 60 people treated at a clinic -- counts of nothing
#                stated (no actor, place or period), no update of each other.
#   claim_days   one quake on an island, three reports: a dated one (its
#                date on the line under the headline) with the governor's
#                "about 50 hurt", an undated one dated by its story with the
#                Red Crescent's five injured and a tremor in September that
#                injured almost 50, and one whose only date is its first
#                line ("November 29th, 2025, 06:40 GMT"): that line dates
#                it; the September figure and the governor's are two claims
#                (a figure with no period is of its article's days); the
#                five of the report dated only by its story are no dispute
#                with the governor's fifty (its days are not its own).
#   toll_falls   two reports two days apart in one district: at least 40
#                killed by air strikes, then at least 25 killed at a mosque:
#                no update (the dead are not fewer in a later count).
#   toll_days    a toll of Monday and a toll of Wednesday in one quarter
#                (12, then 30): two incidents' days, no update.
#   offer_days   a club's bid for a player, $20 million, then $35 million
#                five days on, both from its chairman: two offers, no update
#                (a revision is of a happening's toll).
#   place_terms  four one-paragraph items of one day: a quake in a town
#                named with its country's adjective, waves the quake
#                raised at a port of the same country and province named
#                with the country's name, a mayor elected in the country's
#                capital, floods in a neighbouring country: the quake and
#                the waves are one story (they share a word or two, their
#                country and their province), the vote and the floods
#                each their own (a shared country alone joins nothing).
#   magnitudes   two outlets on one flood: both state 640 homes flooded and
#                "thousands" of residents without water: the 640 homes are
#                corroborated, the two "thousands" stay two claims (an order
#                of magnitude two reports share is no figure they agree on).
#   tenure       two outlets on one club's change of manager, one story: the
#                dismissed manager's "nearly four seasons as manager" (a
#                passive clause) and the caretaker's "four seasons as the
#                club's chief scout" are two people's tenures, two claims
#                (the 7 defeats both state are one).
# Records are found by content (measure, value, document ids), never by id.
# usage: cli_corpus.sh SITREP TESTS_DIR SHARED_DIR
set -u
bin=$1; tests=$2
corpus="$tests/fixtures/corpus"
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $1"; }
command -v python3 >/dev/null || { echo "cli_corpus: python3 missing" >&2; exit 1; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT

# the binary may be missing for a moment while it is rebuilt
for _ in $(seq 60); do [ -x "$bin" ] && break; sleep 1; done

# Shared by every check: the records of one case on stdin, grouped by type,
# and fail(msg), which makes the check fail with msg as its reason.
pre='
import json, sys
R = [json.loads(l) for l in sys.stdin if l.strip()]
def of(t): return [r for r in R if r["type"] == t]
docs = {d["id"]: d for d in of("document")}
stories, claims, conflicts = of("story"), of("claim"), of("conflict")
# each report has its own event record; a happening several reports tell
# has a happening record too: events are the happenings, reports the
# events of each report
reports, happenings = of("event"), of("happening")
events = [e for e in reports if not e["happening"]] + happenings
def fail(msg): sys.exit(msg)
def val(c): return (c["value"]["low"], c["value"]["high"])
def find(measure, low, high=None):
    high = low if high is None else high
    return [c for c in claims if c["measure"] == measure and val(c) == (low, high)]
def one(measure, low, high=None):
    m = find(measure, low, high)
    if len(m) != 1:
        fail("%d claims %r %s, expected 1" % (len(m), measure, low if high is None else (low, high)))
    return m[0]
def fat(e): return e["fatalities"] and (e["fatalities"]["low"], e["fatalities"]["high"])
def quotes(e): return " ".join(s["quote"] for s in e["sources"])
'

# run CASE: extract the case's directory
run() {
  "$bin" extract "$corpus/$1" > "$t/$1.jsonl" 2> "$t/$1.err"
  local rc=$?
  if [ "$rc" -eq 0 ] && [ -s "$t/$1.jsonl" ]; then ok
  else bad "$1: sitrep extract reads every article (exit $rc: $(head -n1 "$t/$1.err"))"; fi
}
# check CASE DESCRIPTION PYTHON: PYTHON exits 0 on the case's records
check() {
  local why
  if why=$(python3 -c "$pre$3" < "$t/$1.jsonl" 2>&1); then ok
  else bad "$1: $2${why:+ -- $(printf '%s' "$why" | tail -n1)}"; fi
}

# ---- 1. one wire story, three copies ----------------------------------------
run wire
check wire "the three copies are read, each credited to The Associated Press" '
ids = {"ap_afmadow", "jubbaland_post", "kismayo_voice"}
if set(docs) != ids: fail("documents %s" % sorted(docs))
for d in docs.values():
    if d["outlet"] != "The Associated Press": fail("%s outlet %r" % (d["id"], d["outlet"]))'
check wire "all three copies are one story" '
if len({d["story"] for d in docs.values()}) != 1 or None in {d["story"] for d in docs.values()}:
    fail("stories %s" % {d["id"]: d["story"] for d in docs.values()})
s = [s for s in stories if s["id"] == docs["ap_afmadow"]["story"]]
if len(s) != 1 or sorted(s[0]["documents"]) != sorted(docs): fail("story record %s" % s)
if (s[0]["first_seen"], s[0]["last_seen"]) != ("2025-08-12", "2025-08-14"):
    fail("story seen %s..%s" % (s[0]["first_seen"], s[0]["last_seen"]))'
check wire "both reprints are duplicate_of the wire copy, the wire copy of nothing" '
got = {i: d["duplicate_of"] for i, d in docs.items()}
if got != {"ap_afmadow": None, "jubbaland_post": "ap_afmadow", "kismayo_voice": "ap_afmadow"}:
    fail("duplicate_of %s" % got)'
check wire "claims stated by all three copies count one outlet, status single" '
allc = [c for c in claims if set(c["documents"]) == set(docs)]
if len(allc) < 6: fail("only %d claims stated by all three copies" % len(allc))
for c in allc:
    if c["outlets"] != 1 or c["status"] != "single":
        fail("%s %s: outlets %s, status %s" % (c["measure"], val(c), c["outlets"], c["status"]))
one("soldiers killed", 17)
if set(one("soldiers killed", 17)["documents"]) != set(docs): fail("17 soldiers killed not merged across the copies")'
check wire "no claim of the copies is counted as corroborated" '
bad = [(c["measure"], val(c), c["outlets"]) for c in claims if c["outlets"] != 1 or c["status"] == "corroborated"]
if bad: fail("claims with outlets > 1: %s" % bad)'
check wire "an event the copies repeat is one event, not one per copy (ENGINE: near-copy events are not merged when undated)" '
seen = {}
for e in events:
    k = (e["event_type"], e["sub_event_type"], json.dumps(e["date"]), e["location"] and e["location"]["name"], fat(e),
         min(s["quote"] for s in e["sources"]))
    if k in seen: fail("%s/%s (date %s) repeated: documents %s and %s" % (e["event_type"], e["sub_event_type"], e["date"], seen[k], e["documents"]))
    seen[k] = e["documents"]'

# ---- 2. one statement, two outlets in their own words -----------------------
run paraphrase
check paraphrase "two outlets, dated a day apart" '
got = {i: (d["outlet"], d["published"]) for i, d in docs.items()}
if got != {"reuters_strikes": ("Reuters", "2025-08-19"), "garowe_strikes": ("Garowe Online", "2025-08-20")}:
    fail("documents %s" % got)'
check paraphrase "the two reports are one story" '
s = {d["story"] for d in docs.values()}
if len(s) != 1 or None in s: fail("stories %s" % {d["id"]: d["story"] for d in docs.values()})
st = [x for x in stories if x["id"] in s]
if len(st) != 1 or sorted(st[0]["documents"]) != sorted(docs): fail("story record %s" % st)'
check paraphrase "neither report is a duplicate" '
d = {i: x["duplicate_of"] for i, x in docs.items() if x["duplicate_of"]}
if d: fail("duplicate_of %s" % d)'
check paraphrase "48 airstrikes in the first half of 2025 per AFRICOM: one claim, 2 outlets, corroborated" '
c = one("airstrikes", 48)
if sorted(c["documents"]) != sorted(docs): fail("documents %s" % c["documents"])
if c["attributed_to"] != "US Africa Command": fail("attributed_to %r" % c["attributed_to"])
if c["period"] != {"start": "2025-01-01", "end": "2025-06-30"}: fail("period %s" % c["period"])
if (c["outlets"], c["status"]) != (2, "corroborated"): fail("outlets %s, status %s" % (c["outlets"], c["status"]))'
check paraphrase "about 310 militants killed: one claim, 2 outlets, corroborated" '
c = one("militants killed", 310)
if sorted(c["documents"]) != sorted(docs): fail("documents %s" % c["documents"])
if (c["outlets"], c["status"]) != (2, "corroborated"): fail("outlets %s, status %s" % (c["outlets"], c["status"]))'

# ---- 3. two attacks in one city on one day ----------------------------------
run two_attacks
base=$pre
pre="$pre"'
market = [e for e in events if "Bakara" in quotes(e)]
hotel = [e for e in events if "Sahil Beach" in quotes(e) and "mogadishu_twin_attacks" in e["documents"]]
def the(l, what):
    if len(l) != 1: fail("%d %s events" % (len(l), what))
    return l[0]
'
check two_attacks "the market bombing and the hotel siege are two events, not merged" '
m, h = the(market, "market"), the(hotel, "hotel")
if m["id"] == h["id"]: fail("one event %s for both attacks" % m["id"])
for e in events:
    if "Bakara" in quotes(e) and "Sahil" in quotes(e): fail("event %s quotes both attacks" % e["id"])'
check two_attacks "both events are dated Sunday 2025-08-31" '
for e, w in ((the(market, "market"), "market"), (the(hotel, "hotel"), "hotel")):
    if not e["date"] or (e["date"]["start"], e["date"]["end"]) != ("2025-08-31", "2025-08-31"):
        fail("%s event date %s" % (w, e["date"]))'
check two_attacks "both events are located in Mogadishu (ENGINE: \"Somalia’s capital\" is named Somalia)" '
for e, w in ((the(market, "market"), "market"), (the(hotel, "hotel"), "hotel")):
    if not e["location"] or e["location"]["name"] != "Mogadishu" or e["location"]["country"] != "SO":
        fail("%s event location %s" % (w, e["location"] and (e["location"]["name"], e["location"]["country"])))'
check two_attacks "the market bombing killed 9" '
m = the(market, "market")
if fat(m) != (9, 9): fail("market event fatalities %s" % m["fatalities"])'
check two_attacks "the hotel siege killed 14 (ENGINE: \"14 people were killed in the hotel siege\" is not added to the event)" '
h = the(hotel, "hotel")
if fat(h) != (14, 14): fail("hotel event fatalities %s" % h["fatalities"])'
check two_attacks "no event adds the two tolls together" '
s = [e["id"] for e in events if fat(e) and fat(e)[1] >= 23]
if s: fail("events with 23 or more dead: %s" % s)'
check two_attacks "the hotel-only report joins the hotel event, never the market one (ENGINE: its event is another kind, with no place and no toll)" '
m, h = the(market, "market"), the(hotel, "hotel")
if "hiiraan_hotel_siege" in m["documents"]: fail("market event lists the hotel-only report")
if "hiiraan_hotel_siege" not in h["documents"]:
    o = [(e["event_type"], e["sub_event_type"], e["location"] and e["location"]["name"], e["fatalities"]) for e in events if e["documents"] == ["hiiraan_hotel_siege"]]
    fail("hotel event documents %s; the report on its own: %s" % (h["documents"], o))'
check two_attacks "the two reports are one story, neither a duplicate" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
if any(d["duplicate_of"] for d in docs.values()): fail("duplicate_of set")'

# ---- 4. different scopes are not conflicts; a real disagreement is -----------
pre=$base
run scope
check scope "the three attack counts keep their places, periods and actor" '
a = one("attacks", 1140); b = one("attacks", 1310); h = one("attacks", 560)
pl = lambda c: sorted(p["country"] for p in c["places"])
per = lambda c: c["period"] and (c["period"]["start"], c["period"]["end"])
if pl(a) != ["SO"] or pl(h) != ["SO"] or pl(b) != ["KE", "SO"]:
    fail("places 1140 %s, 1310 %s, 560 %s" % (pl(a), pl(b), pl(h)))
if per(a) != ("2024-01-01", "2024-12-31") or per(b) != per(a) or per(h) != ("2024-01-01", "2024-06-30"):
    fail("periods 1140 %s, 1310 %s, 560 %s" % (per(a), per(b), per(h)))
for c in (a, b, h):
    if c["actor"] != "al-Shabaab": fail("%s attacks: actor %r" % (c["value"]["low"], c["actor"]))'
check scope "Africa Center and AFRICOM attack counts are attributed to them" '
got = (one("attacks", 1310)["attributed_to"], one("attacks", 560)["attributed_to"])
if got != ("Africa Center for Strategic Studies", "US Africa Command"): fail("attributed_to %s" % (got,))'
check scope "the ACLED count is attributed to ACLED (ENGINE: \"Armed Conflict Location & Event Data Project\" is cut at the ampersand)" '
a = one("attacks", 1140)["attributed_to"]
if a != "Armed Conflict Location and Event Data": fail("attributed_to %r" % a)'
check scope "no conflict between counts of different places or periods" '
ids = {c["id"] for c in claims if c["measure"] == "attacks"}
k = [x for x in conflicts if ids & set(x.get("claims") or [])]
if k: fail("conflicts %s" % [x["reason"] for x in k])
for c in claims:
    if c["id"] in ids and c["status"] == "contested": fail("attacks %s contested" % c["value"]["low"])'
check scope "about 7,000 fighters (AFRICOM) vs 10,000-12,000 (UN experts) is one conflict, both claims contested" '
a, u = one("fighters", 7000), one("fighters", 10000, 12000)
if a["attributed_to"] != "US Africa Command" or not u["attributed_to"] or u["attributed_to"] == a["attributed_to"]:
    fail("attributed_to %r and %r" % (a["attributed_to"], u["attributed_to"]))
k = [x for x in conflicts if set(x.get("claims") or []) == {a["id"], u["id"]}]
if len(k) != 1: fail("%d conflicts naming the two fighter claims (conflicts: %s)" % (len(k), [x.get("claims") for x in conflicts]))
if not k[0].get("reason"): fail("conflict without a reason")
if (a["status"], u["status"]) != ("contested", "contested"): fail("statuses %s, %s" % (a["status"], u["status"]))'
check scope "a raid's toll (at least 19) and the war's (more than 4,000) are two claims, and the war's toll no event" '
r, w = one("people killed", 19), one("people killed", 4000)
if r["status"] == "contested" or w["status"] == "contested": fail("statuses %s, %s" % (r["status"], w["status"]))
if any(e["fatalities"] and e["fatalities"]["low"] == 4000 for e in events): fail("the war toll is an event")
if not any(e["fatalities"] and e["fatalities"]["low"] == 19 for e in events): fail("the raid is no event")'
check scope "the fighters conflict is the only conflict" '
if len(conflicts) != 1: fail("%d conflicts: %s" % (len(conflicts), [x.get("reason") for x in conflicts]))'

# ---- 5. four happenings of one week ------------------------------------------
pre=$base
run happenings
pre="$pre"'
happening = {"premium_bakura_mosque": "bakura", "channels_bakura_mosque": "bakura",
             "dailytrust_dandume_market": "dandume", "reuters_dandume_market": "dandume",
             "afp_maiduguri_bus": "bus", "reuters_maiduguri_bus": "bus", "premium_maiduguri_bus": "bus",
             "ap_maiduguri_bus": "bus", "reuters_malam_airstrike": "strike", "humangle_malam_airstrike": "strike"}
by_id = {c["id"]: c for c in claims}
def kinds(k): return [x for x in conflicts if x.get("kind") == k]
'
check happenings "one story per happening: the look-alike attacks of one Saturday apart, each happening whole" '
if set(docs) != set(happening): fail("documents %s" % sorted(docs))
got = {}
for i, d in docs.items():
    got.setdefault(d["story"], set()).add(happening[i])
mixed = [sorted(h) for h in got.values() if len(h) > 1]
if mixed: fail("stories mixing happenings: %s" % mixed)
if len(got) != 4: fail("%d stories for 4 happenings: %s" % (len(got), {i: d["story"] for i, d in docs.items()}))'
check happenings "no event, claim or conflict joins two happenings" '
for r in events + claims:
    h = {happening[d] for d in r["documents"]}
    if len(h) > 1: fail("%s %s joins %s" % (r["type"], r["id"], sorted(h)))
for x in conflicts:
    h = {happening[d] for c in x["claims"] for d in by_id[c]["documents"]}
    if len(h) > 1: fail("conflict %s between %s" % (x["id"], sorted(h)))'
check happenings "the bus station toll is revised, not disputed: at least 12, then 18, then 23, each an update of the one before" '
ups = kinds("update")
chain = sorted((by_id[x["claims"][0]]["value"]["low"], by_id[x["claims"][1]]["value"]["low"]) for x in ups)
if chain != [(12, 18), (18, 23)]: fail("updates %s" % chain)
for x in ups:
    for c in x["claims"]:
        if by_id[c]["status"] == "contested": fail("claim %s of an update is contested" % c)
        if {happening[d] for d in by_id[c]["documents"]} != {"bus"}: fail("update %s outside the bombing" % x["id"])'
check happenings "the air strike: Nigerian Air Force 35 against Amnesty International 61 is one dispute, both claims contested" '
ds = kinds("dispute")
if len(ds) != 1: fail("%d disputes: %s" % (len(ds), [x["reason"] for x in ds]))
a, b = (by_id[c] for c in ds[0]["claims"])
if sorted((a["value"]["low"], b["value"]["low"])) != [35, 61]: fail("dispute between %s and %s" % (val(a), val(b)))
if {a["attributed_to"], b["attributed_to"]} != {"Nigerian Air Force", "Amnesty International"}:
    fail("sources %r, %r" % (a["attributed_to"], b["attributed_to"]))
if (a["status"], b["status"]) != ("contested", "contested"): fail("statuses %s, %s" % (a["status"], b["status"]))'
check happenings "nothing else: three conflict records, two updates and the dispute" '
if len(conflicts) != 3 or len(kinds("update")) != 2: fail("conflicts: %s" % [(x.get("kind"), x["reason"]) for x in conflicts])'

# ---- 6. one happening, two reports, one datelined in another country --------
run dateline
check dateline "the two reports are one happening, placed in El Salvador" '
if len(happenings) != 1: fail("%d happening records" % len(happenings))
h = happenings[0]
if sorted(h["documents"]) != ["desk_mexico", "desk_salvador"]: fail("happening documents %s" % h["documents"])
if not h["location"] or h["location"]["country"] != "SV": fail("happening location %s" % h["location"])'
check dateline "each report keeps the place it names itself, never the other report or its dateline" '
own = {r["documents"][0]: r["location"] and r["location"]["name"] for r in reports}
if own != {"desk_mexico": "El Salvador", "desk_salvador": "Chalatenango"}: fail("own places %s" % own)
for r in reports:
    if len(r["documents"]) != 1 or r["happening"] != happenings[0]["id"]: fail("report event %s" % r["id"])
    if r["location"]["country"] != "SV" or fat(r) != (4, 4): fail("%s: %s, dead %s" % (r["id"], r["location"], fat(r)))
if sorted(happenings[0]["events"]) != sorted(r["id"] for r in reports): fail("happening events %s" % happenings[0]["events"])'
check dateline "the happening takes the town a report names, not the country the other names" '
if happenings[0]["location"]["name"] != "Chalatenango": fail("happening place %s" % happenings[0]["location"]["name"])'

# the report lists the happening once, not once per report telling it
db="$t/dateline.db"
if "$bin" ingest "$db" "$corpus/dateline" >/dev/null 2>"$t/dateline.ingest.err" &&
   "$bin" report "$db" > "$t/dateline.md" 2>"$t/dateline.report.err"; then
  n=$(sed -n '/^## Events/,/^## /p' "$t/dateline.md" | grep -c '^- ')
  if [ "$n" -eq 1 ]; then ok
  else bad "dateline: the report's Events list the happening $n times, want once"; fi
else bad "dateline: ingest and report ($(head -n1 "$t/dateline.ingest.err" "$t/dateline.report.err" | tr '\n' ' '))"; fi

# ---- 7. two look-alike quakes of different years ----------------------------
pre=$base
run years_apart
check years_apart "two stories: the articles stating a day of 2014 apart from those naming only 2006" '
got = {}
for i, d in docs.items():
    got.setdefault(d["story"], set()).add(i.split("_")[1])
if sorted(map(sorted, got.values())) != [["ercis"], ["muradiye"]]: fail("stories %s" % {i: d["story"] for i, d in docs.items()})'

# ---- 7b. one dated article years after everything a story names -----------
pre=$base
run later_year
check later_year "the 2012 election apart; the ruling two years on joins its election" '
got = {}
for i, d in docs.items():
    got.setdefault(d["story"], set()).add(i)
want = [["agency_observers", "daily_count", "weekly_court", "wire_vote"], ["wire_vote_2012"]]
if sorted(map(sorted, got.values())) != want: fail("stories %s" % {i: d["story"] for i, d in docs.items()})'

# ---- 8. counts of nothing stated are not compared ----------------------------
pre=$base
run unscoped
check unscoped "one story; 14 people rescued and 60 treated are two claims and no conflict" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
one("people", 14); one("people", 60)
if conflicts: fail("conflicts %s" % [x["reason"] for x in conflicts])'

# ---- 9. a day borrowed from the story is no evidence of one happening ---------
pre=$base
run borrowed_day
check borrowed_day "the undated reports of the first arrest, dated by their story, join no happening with the dated report of the second" '
for h in happenings:
    if "daily_second_financier" in h["documents"] and len(h["documents"]) > 1:
        fail("happening %s joins %s" % (h["id"], h["documents"]))'

# ---- 10. a claim is one happening's: its days, and the days of its report ----
pre=$base
run claim_days
check claim_days "an article whose first line is a date line is dated by it" '
if docs["agency_island_quake"]["published_inferred"] != "2025-11-29": fail("dated %s" % docs["agency_island_quake"]["published_inferred"])'
check claim_days "the tremor of September and the quake of late November: two claims of about 50 injured" '
m = find("people injured", 50)
if len(m) != 2 or sorted(len(c["documents"]) for c in m) != [1, 1]: fail("claims %s" % [(c["documents"], c["period"]) for c in m])'
check claim_days "no dispute between a report dated only by its story and a dated one" '
if [x for x in conflicts if x["kind"] == "dispute"]: fail("conflicts %s" % [x["reason"] for x in conflicts])'

pre=$base
run toll_falls
check toll_falls "one story; at least 40 killed, then at least 25 killed two days on: no update" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
one("people killed", 40); one("people killed", 25)
if conflicts: fail("conflicts %s" % [x["reason"] for x in conflicts])'

pre=$base
run toll_days
check toll_days "one story; a toll of Monday and a toll of Wednesday: no update" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
one("people killed", 12); one("people killed", 30)
if conflicts: fail("conflicts %s" % [x["reason"] for x in conflicts])'

pre=$base
run offer_days
check offer_days "one story; a bid of \$20 million and one of \$35 million five days on: no update" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
one("usd", 20000000); one("usd", 35000000)
if conflicts: fail("conflicts %s" % [x["reason"] for x in conflicts])'

pre=$base
run place_terms
check place_terms "the quake and the waves it raised are one story; the vote and the floods are apart" '
s = {i: d["story"] for i, d in docs.items()}
if s["andes_wire_quake_town"] != s["coast_radio_waves"]: fail("quake and waves apart: %s" % s)
if len(set(s.values())) != 3: fail("stories %s" % s)'

pre=$base
run magnitudes
check magnitudes "one story; 640 homes corroborated, thousands of residents not" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
c = one("homes", 640)
if (c["outlets"], c["status"]) != (2, "corroborated"): fail("640 homes: outlets %s, status %s" % (c["outlets"], c["status"]))
m = find("residents", 2000, 9999)
if sorted(len(x["documents"]) for x in m) != [1, 1]: fail("thousands of residents: %s" % [x["documents"] for x in m])'

pre=$base
run tenure
check tenure "one story; the seasons of the dismissed manager and of the caretaker are two claims" '
if len({d["story"] for d in docs.values()}) != 1: fail("stories %s" % {i: d["story"] for i, d in docs.items()})
if len(one("defeats", 7)["documents"]) != 2: fail("7 defeats not corroborated")
m = find("seasons", 4)
if sorted((len(x["documents"]), x["actor"]) for x in m) != [(1, "Ngozi Balewa"), (1, "Okoro")]:
    fail("four seasons: %s" % [(x["actor"], x["documents"]) for x in m])'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
