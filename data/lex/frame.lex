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
states
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
disclosed
claimed
claims
found

# Words that end a figure's or an event's clause: contrast and new
# happenings (SR_WI_CLAUSE).
[set clause]
while
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
city
village
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
