# frame.lex -- the words that frame a statement, shared by the claims and
# events stages (src/analyse/claims.c, events.c) and read once per token by
# the word info (src/analyse/wordinfo.c): who says so, where a clause ends,
# whether it speaks of the future, whether a happening did not (or not yet)
# happen.  Format: data/lex/README.md.


# Words that introduce a source: speech and report verbs and "according"
# (to).  The gate before the attribution rules (SR_WI_SPEECH).
[set speech]
according
said
says
say
told
tells
stated
announced
announces
reported
reports
estimated
estimates
noted
notes
added
adds
confirmed
confirms
warned
warns
explained
wrote
writes
indicated
revealed
reveals
showed
shows
counted
recorded
documented
tallied
estimate
report
claim
put
puts
acknowledged
admitted
admits
conceded
remarked
disclosed
claimed
claims
found

# Words that end a figure's or an event's clause: contrast and new
# happenings (SR_WI_CLAUSE).
[set clause]
while
whilst
but
whereas
although
though
meanwhile
separately
elsewhere
following
prompting
prompted
sparking
triggering
amid
retaliation
response

# Words that open a clause of another happening before or after the
# main one: a time on the other side of one is not the figure's ("the
# fire broke out at 04:30, hours before two planes landed").
[set subordinator]
before
after
when
until
once
because

# Words that make a sentence speak of the future or of an expectation: its
# periods are not cut at the document date (SR_WI_FUTURE).
[set future]
will
expected
projected
forecast
could
would
may
might
likely
pace
track

# Words before an event trigger that say it did not (or not yet) happen,
# or that it is a tally rather than one happening: threats, plans, hopes,
# fears, negation, the future, habits (SR_WI_IRREALIS).
[set irrealis]
will
would
could
might
may
plan
plans
planned
planning
plot
plotted
plotting
threaten
threatened
threatens
threat
threats
vow
vowed
vows
seek
seeks
sought
try
tries
trying
desire
aim
aims
aimed
intend
intends
intended
risk
risks
fear
fears
feared
prevent
prevented
thwart
thwarted
foil
foiled
avert
averted
no
not
never
possible
potential
future
against
prepare
preparing
capable
capability
ability
able
warned
warning
warns
if
training
trained
recruiting
conduct
carry
launch
stage
wave
surge
rise
number
increase
pace
regular
repeated
frequent
several
many
continued
ongoing
string
spate
series
denied
denies
deny
rumours
rumors

# Prepositions that place what follows: a place after one is where
# something happened or what a figure covers ("in Syria", "near Kaduna",
# "targeting Idlib").  Also the words that stop a speaker's noun phrase
# ("officials in Kabul said").
[set locative]
in
inside
across
throughout
near
around
at
within
outside
into
off
through
targeting
outskirts

# Words before "of" that make the place after it a location: "the town of
# Geneina", "south of Hodeidah", "the outskirts of Moscow", "the coast of
# Yemen", "under the control of".
[set place_of]
town
towns
city
cities
village
villages
province
region
district
state
county
territory
area
coast
border
port
edge
outskirts
capital
control
out
north
south
east
west
northern
southern
eastern
western
central
northeast
northwest
southeast
southwest
northeastern
northwestern
southeastern
southwestern
heart
centre
center
middle
suburbs
streets
frontier
shores

# Nouns of a place kind right before a name: "in the capital Muscat's
# Wadi Kabir district", "the town Geneina".
[set place_kind]
capital
town
city
village
province
district

# What is struck "on" a place: "58 airstrikes on Idlib", "an attack on
# Kabul".
[set struck_on]
airstrikes
airstrike
strikes
strike
attacks
attack
raids
raid
assaults
assault
bombings
bombing
rockets
missiles
shells
offensive

# Verbs whose object is the place struck or taken: "stormed Bokkos
# district", "shelled the town", "captured Rubaya".
[set place_object_verb]
stormed
attacked
shelled
bombed
raided
captured
overran
retook
recaptured
besieged
invaded
pounded
seized

# Lower-case words that end a locative phrase read backwards from a
# place: before one, a preposition no longer governs the place ("killed
# in fighting with Syria" does not happen in Syria).
[set place_stop]
with
from
against
over
after
before
during
under
than
that
which
where
when
upon
onto
toward
towards
between
among
amid
about
like
unlike
versus

# Words of direction and kind between a locative and its place, read
# whatever the case of the text: "in the restive northern province of",
# "near the remote village".
[set direction]
north
south
east
west
northern
southern
eastern
western
central
northeastern
northwestern
southeastern
southwestern
northeast
northwest
southeast
southwest
rural
coastal
neighbouring
neighboring
nearby
restive
troubled
remote
volatile
mountainous

# Determiners: a noun phrase starts after one ("the spokesman said"); a
# speech word after one is a noun ("the report", "an estimated 40").
[set determiner]
a
an
the
this
that
these
those

# Pronouns that stand for a person or for an organisation (or any
# speaker, "they") named before.
# After an apostrophe, the rest of a contracted auxiliary: "he'll",
# "they'd", "we've", "they're" (the subject is the word before).
[set contraction]
ll
d
ve
re

[set pronoun_person]
he
she

[set pronoun_org]
it
they
it's

# Forms of "be": a speech word after one is a participle ("were reported
# killed", "is estimated").
[set be]
be
is
are
was
were
been

# Nouns of a role or document that speaks for an organisation: "a CENTCOM
# spokesman said", "ministry figures show", "officials report".
[set role_noun]
spokesman
spokeswoman
spokesperson
spokesmen
official
officials
statement
report
commander
chief
head
director
minister
ministry
representative
envoy
source
sources
analyst
researcher
monitor
data
figures
tally
count
update
release
briefing
officer

# Speech words whose use decides whether they introduce a source
# (sr_speech_verb): "claimed that" is a statement, "claimed the attack" an
# act (claim); "a report by X found that" (finding); "put the toll at"
# (put); "officials report", "analysts estimate" (noun: a verb only after
# a plural subject); "data shows", "ACLED recorded" (record: only after an
# organisation).
[table speech_use: use]
claimed       claim
claims        claim
found         finding
put           put
puts          put
report        noun
estimate      noun
claim         noun
shows         record
showed        record
recorded      record
counted       record
documented    record
tallied       record
added         add
adds          add

# What "put" puts: "put the toll at 61", "puts the number at".
[set tally_noun]
toll
number
figure
total

# After "of" or "among", the pronouns that make a figure a part of a count
# just given: "11 people, among them two children", "eight people, six of
# them priests", "of whom four".
[set part_pronoun]
them
whom

# Relative pronouns: ", which ..." far from a figure speaks of something
# else.
[set relative]
which
who
whose

# Before a place, words that make it where a speaker is: "told reporters
# in Geneva".
[set told]
told
reporters

# Units a distance is given in before "from": "20 km from Djibo".
[set distance]
km
kilometre
kilometres
kilometer
kilometers
mile
miles
away

# Words between a unit of distance and the place it is measured from:
# "300 km west of", "20 miles north-east of", "5 km away from".  The
# place is a reference point, not where it happened.
[set direction_of_distance]
north
south
east
west
northeast
northwest
southeast
southwest
due
away

# After a place and a comma, words that make the place where the clause
# that follows happened: "80 km from Aldmoor, where gunmen killed 9".
[set place_relative]
where
wherever

# Possessive pronouns before a source's noun: "according to his
# statements" is the person named before, "according to its report" the
# organisation.
[table possessive_pronoun: refers]
his         person
her         person
its         org
their       any

# Prepositions: a speech word right after one is a noun ("according to
# reports", "in a statement"), not a verb.
[set preposition]
to
of
in
by
from
with
on
for
about
at
into
after
before

# Words that open a clause before a speaker's noun phrase: "as
# manufacturers reported", "while officials said".
[set speaker_stop]
as
while
when
because
since
if
although
though
whereas
not
after
before
until
once

# Participles that make a group's name a modifier after a hyphen: "the
# al-Qaeda-linked JNIM" names JNIM, not al-Qaeda, as the group at hand.
[set link_participle]
linked
affiliated
backed
aligned
allied
inspired
supported
sponsored

# Speech words that follow a noun as a participle of an amount: "damage
# estimated in the millions", "losses put at $5 million", "deaths
# recorded in 2023" (no source).
[set amount_participle]
estimated
reported
recorded
documented
counted
tallied
put

# Function words the claims stage (and the truecaser) reads one by one, each where its own
# grammar decides (sr_tok_fw, frame.h): "the" before a role noun, "of"
# and "by" before an actor, "and" / "or" / "but" joining verbs or
# figures, "that" opening a clause.  One identifier per word; the classes
# above are for words read alike.
[table function_word: fw=FW]
# articles and possessives
the         the
a           a
another     another
further     further
s           s
our         our
his         his
her         her
its         its
their       their
# pronouns
it          it
they        they
whom        whom
there       there
others      others
# conjunctions and clause openers
and         and
or          or
but         but
that        that
where       where
when        when
while       while
as          as
since       since
including   including
# prepositions and particles
of          of
to          to
by          by
with        with
for         for
against     against
from        from
on          on
in          in
at          at
up          up
down        down
according   according
# words of the few fixed phrases the claims stage reads: "both
# countries", "the two countries", "shot dead", "to death", "told",
# "the group"
both        both
two         two
countries   countries
shot        shot
dead        dead
death       death
told        told
group       group
