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
