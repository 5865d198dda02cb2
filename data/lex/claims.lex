# claims.lex -- the words the claims stage (src/analyse/claims.c) reads a
# figure's measure, outcome, actor, place and source by.  Words that frame
# a statement for claims and events alike (speech verbs, determiners,
# pronouns, role nouns, locatives) are in frame.lex.  Format:
# data/lex/README.md.


# ---- what happened to the counted ----

# Verb forms and the outcome they name: "killing 44 militants", "32 were
# captured", "militants killed".  The outcome's name is what the measure
# gets ("militants killed").
[table outcome: outcome=OUTCOME]
kill            killed
kills           killed
killed          killed
killing         killed
dead            killed
died            killed
die             killed
slain           killed
massacred       killed
murdered        killed
assassinated    killed
perished        killed
suffocated      killed
disappeared     missing
beheaded        killed
beheading       killed
arrest          arrested
arrested        arrested
arresting       arrested
apprehended     apprehended
apprehending    apprehended
captured        captured
capturing       captured
capture         captured
detained        detained
detaining       detained
detain          detained
wounded         injured
wounding        injured
injured         injured
injuring        injured
hurt            injured
stabbed         injured
abducted        abducted
abducting       abducted
kidnapped       abducted
kidnapping      abducted
nabbed          arrested
nabbing         arrested
displaced       displaced
displacing      displaced
executed        executed
executing       executed
freed           released
released        released
releasing       released
rescued         rescued
rescuing        rescued
missing         missing
deported        deported
evacuated       evacuated
murdering       killed
assassinating   killed
massacring      killed
destroyed       destroyed
destroying      destroyed
downed          destroyed
torched         destroyed
seized          seized
seizing         seized
confiscated     seized
confiscating    seized
damaged         damaged
damaging        damaged
collapsed       collapsed
blown           destroyed
burned          destroyed
burnt           destroyed
razed           destroyed
demolished      destroyed

# Phrases that name what happened, right before a figure ("set fire to 6
# buses", "rounded up 12 men", "among the dead were 3 soldiers") or after
# its noun ("6 buses were set ablaze", "3 soldiers were among the dead").
[table outcome_phrase: outcome=OUTCOME]
set on fire          destroyed
set fire to          destroyed
set alight           destroyed
set ablaze           destroyed
sets fire to         destroyed
setting fire to      destroyed
setting ablaze       destroyed
sets ablaze          destroyed
on fire              destroyed
ablaze               destroyed
burned down          destroyed
burnt down           destroyed
rounded up           arrested
among the dead       killed
among the killed     killed
among the victims    killed
among the wounded    injured
among the injured    injured
among the arrested   arrested
among the detained   detained
among the missing    missing
among the kidnapped   abducted
among the abducted   abducted
among those killed   killed
among those wounded  injured
among those injured  injured
among those arrested  arrested
among those detained  detained
fled their homes     displaced
left homeless        displaced

# Nouns naming what happened, read before "of": "the deaths of 44", "the
# arrest of 12".  Nouns that are themselves the counted ("deaths",
# "arrests") stay the measure's noun.
[table outcome_noun: outcome=OUTCOME]
deaths          killed
death           killed
lives           killed
killing         killed
killings        killed
massacre        killed
murder          killed
murders         killed
assassination   killed
assassinations  killed
arrests         arrested
arrest          arrested
apprehensions   apprehended
apprehension    apprehended
capture         captured
detention       detained
detentions      detained
abduction       abducted
abductions      abducted
kidnapping      abducted
release         released
rescue          rescued
execution       executed
injury          injured
injuries        injured
life            killed
executions      executed
displacement    displaced
destruction     destroyed
seizure         seized

# Between a figure's noun and its outcome: "44 militants who were later
# killed", "32 of whom were captured".
[set outcome_aux]
who
that
which
were
was
have
had
has
been
being
are
is
reportedly
also
later
all
subsequently
since
of
whom
them

# Between an outcome verb and the figure it governs: "has also killed
# 44", "have so far captured 233".
[set outcome_skip]
up
have
had
has
also
reportedly
allegedly
already
so
far
been

# A noun of a tally: "put the toll at 60", "the death toll rose to 21"
# count people killed.
[set toll]
toll

# Verbs a toll changes or stands by before "to"/"at": "the death toll from
# Sunday's bombing of a mosque has risen to 61", "the toll stood at 12".
[set toll_change]
rose
risen
climbed
increased
jumped
soared
grew
stood
stands

# ---- the counted noun ----

# Nouns of an amount: "a level of 5,210", "29 out of 262", "a record of
# 2,106" still count what the figure before counted ("mother of 12" does
# not).
[set quantity_noun]
level
value
record
mark
total
sum
out
average
high
low

# Words left out of the counted noun: evaluations, vague quantities,
# "suspected", "senior" ("12 suspected militants" counts militants).
[set drop_adjective]
senior
suspected
alleged
armed
foreign
other
more
additional
new
local
former
top
key
some
several
many
such
further
total
estimated
reported
confirmed
at
large

# ---- actors ----

# Heads of "the group", "the militants": the armed group the article
# names most.
[set anaphor_head]
group
militants
extremists
jihadists
insurgents
terrorists
organization
organisation
network
rebels

# Heads of a noun phrase that acts as the subject of a figure's verb,
# besides a state's forces and attackers (events.lex force_noun,
# attacker), armed groups (anaphor_head) and organisations (org_noun):
# "the carmaker cut 3,000 jobs", "the airline leased 12 jets"; with "the"
# it stands for the organisation named before.
[set agent_noun]
guerrillas
guerrilla
carmaker
automaker
airline
carrier
manufacturer
maker
retailer
bank
lender
insurer
bidder
team
club
union
court
jury
prosecutors
pirates
robbers
thieves
burglars
looters
hijackers
smugglers
traffickers
gang
cartel
regiment
battalion
brigade

# Stretches of service a figure counts: "after nearly four seasons as
# coach", "eleven years as governor" are the tenure of the clause's
# subject, whatever the verb's voice ("X was fired after four seasons as
# coach": X's seasons, though X is who was fired).  Only before "as".
[set tenure_span]
season
seasons
year
years
term
terms
month
months
decade
decades

# Nouns that stand for a business or body named before by a name the
# entities did not take: "Kelvar reported ... the company lost $2
# billion", "the carmaker said" is Kelvar (the last name used as a
# subject before it).
[set named_back_noun]
company
firm
carmaker
automaker
airline
carrier
manufacturer
maker
retailer
lender
insurer

# Heads of a subject noun phrase that names no one who acted: "the
# violence left 12 dead", "the plan would cut 3,000 jobs", "the survey
# shows 40%" (what happened, a measure or a document, not an actor);
# other subjects with their article do ("the plane destroyed 12 houses").
[set subject_not_actor]
violence
fighting
war
conflict
unrest
storm
flood
floods
fire
blaze
crash
accident
quake
earthquake
tremor
disease
outbreak
epidemic
crisis
drought
famine
plan
plans
deal
decision
move
measure
law
bill
policy
budget
increase
rise
drop
fall
decline
loss
gain
data
survey
study
poll
result
results
list
rest
majority
number
average
amount
share
price
cost
value
rate
level

# Nouns between a name and the verb of its figure: "the Norvale average
# fell 3%", "Halvorsen Air shares rose 2%", "the Norvale 40 index lost 40
# points" (the name is the actor).
[set name_head]
index
average
shares
share
stock
stocks
composite
sales
revenue
revenues
profit
profits
exports
imports
output
earnings

# Verbs after which "by X" does not name who did it: "fishermen held by
# pirates" are the pirates' captives, not their count.
[set by_not_actor]
held
kidnapped
abducted
captured
detained
seized
taken
led
backed
supported
funded
run

# Participles not in -ed or -en after "was", "were", "been": the subject
# had it done to it ("was shot with 3 others"), it did nothing.
[set irregular_participle]
shot
hit
sent
sold
brought
caught
found
held
hurt
kept
left
lost
made
paid
put
struck
sued
told
taught
thrown
fought
bought
built
cut
set

# A finite verb after a subject, besides words in -s and -ed: "The US
# maintains 900", "Syria has 40".
[set finite]
shot
fell
rose
grew
shed
sank
slid
ran
threw
beat
saw
caught
scored
put
has
have
had
is
was
are
were
will
would
could
might
can
should
must
said
says
keeps
kept
sent
spent
bought
sold
took
made
won
lost
paid
cut
held
led
gave
got

# A place as the subject that suffered: "Syria saw 40 attacks",
# "Peshawar recorded 12".
[set place_subject_verb]
saw
sees
recorded
records
registered
suffered
witnessed
experienced
had
has

# ---- sources ----

# Words left off the front of a speaker's noun phrase: "a senior
# official" is "official".
[set speaker_drop]
senior
top
anonymous
unnamed

# Adverbs and auxiliaries between a speaker and the verb: "CENTCOM also
# said", "the army has previously said".
[set speaker_adverb]
now
still
currently
just
officially
unofficially
reportedly
initially
publicly
privately
also
previously
earlier
later
recently
separately
further
had
has
have
would
then
again
once
already

# Words that are no speaker by themselves: "there were no reports",
# "others said", "some estimate".
[set not_speaker]
no
other
others
any
some
many
few
several
both
all
none
each
most

# Documents that speak for the organisation named before: "the report
# said".
[set document]
report
statement
study
survey
data
assessment
review

# Roles that stand for the person named before in them: "the spokesman
# said", "the governor said".
[set person_role]
spokesman
spokeswoman
spokesperson
governor
commander
minister
official
envoy
mayor
chief
leader

# Nouns that stand for the organisation named before, with the kind of
# entity they look for (- any organisation): "the army said", "the
# ministry said", "the group said".
[table org_noun: kind=ORG_KIND]
bloc            -
group           armed_group
organisation    -
organization    -
ministry        government
agency          -
army            military
military        military
government      government
movement        armed_group
militia         armed_group
alliance        -
coalition       -
observatory     -
monitor         -
command         military
mission         -
council         -
commission      -
force           military
forces          military
department      -
company         -
firm            -
