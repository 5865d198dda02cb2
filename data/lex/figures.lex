# figures.lex -- the words the figure finder (src/analyse/figures.c) reads
# a quantity by: its qualifiers, number, scale and vague words, units,
# and the words round a number that make it no figure (a time, a name, an
# age, a year).  Format: data/lex/README.md.


# ---- the gate ----

# Lower-case words a figure can start with: number words, qualifiers,
# vague plurals (may_start_figure, SR_WI_FIG_START in wordinfo.c).
[set start]
a
about
almost
an
approximately
around
as
at
barely
between
billion
billions
close
dozen
dozens
eight
eighteen
eighty
eleven
estimated
exactly
fewer
fifteen
fifty
five
forty
four
fourteen
from
half
hundred
hundreds
in
just
less
million
millions
more
nearly
nine
nineteen
ninety
no
none
not
one
only
over
quarter
roughly
scores
seven
seventeen
seventy
six
sixteen
sixty
some
ten
tens
third
thirds
thirteen
thirty
thousand
thousands
three
twelve
twenty
two
under
up
upward
upwards
well
zero

# Words a capitalised figure can start with that `start` leaves out:
# qualifiers and currencies read in any case ("Above 40", "US$ 5",
# "USD 300").
[set cap_start]
above
below
circa
approx
us
u.s.
ca
c
au
nz
hk
s
usd
eur
gbp

# Number words and their values (sr_word_number): "eight", "forty";
# "twenty-five" is read as its two halves.
[table number_word: value]
zero        0
one         1
two         2
three       3
four        4
five        5
six         6
seven       7
eight       8
nine        9
ten         10
eleven      11
twelve      12
thirteen    13
fourteen    14
fifteen     15
sixteen     16
seventeen   17
eighteen    18
nineteen    19
twenty      20
thirty      30
forty       40
fifty       50
sixty       60
seventy     70
eighty      80
ninety      90

# ---- qualifiers ----

# Before the value, with the qualifier they give; "between" and "from"
# need the other half of a range ("between 20 and 30"); "~" is read in
# figures.c (a symbol, not a word).
[table qualifier: q=QUALIFIER joiner]
approximately     approx       -
about             approx       -
around            approx       -
some              approx       -
roughly           approx       -
nearly            approx       -
almost            approx       -
close to          approx       -
an estimated      approx       -
estimated         approx       -
circa             approx       -
approx            approx       -
more than         more_than    -
over              more_than    -
above             more_than    -
upwards of        more_than    -
in excess of      more_than    -
just over         more_than    -
well over         more_than    -
just more than    more_than    -
at least          at_least     -
no fewer than     at_least     -
no less than      at_least     -
not less than     at_least     -
a minimum of      at_least     -
fewer than        fewer_than   -
less than         fewer_than   -
under             fewer_than   -
below             fewer_than   -
just under        fewer_than   -
up to             up_to        -
as many as        up_to        -
as much as        up_to        -
at most           up_to        -
no more than      up_to        -
a maximum of      up_to        -
between           range        between
from              range        from

# ---- values ----

# Scale words and their power of ten ("1.2 million", "two hundred
# thousand"); "hundred" scales only a small spelled number.
[table scale: exp]
hundred     2
thousand    3
million     6
mn          6
billion     9
bn          9
trillion    12
tn          12

# Suffixes glued to digits: "5m", "1.2bn", "300k", "12km", "40kg" (the
# scale's power of ten, or the unit).
[table digit_suffix: exp unit=UNIT]
m           6     -
mn          6     -
bn          9     -
b           9     -
k           3     -
tn          12    -
km          -     km
kg          -     kg

# Fraction words and their denominators: "half", "a third of",
# "two-thirds", "three quarters".
[table fraction: den]
half        2
halves      2
third       3
thirds      3
quarter     4
quarters    4
fifth       5
fifths      5
tenth       10
tenths      10

# Twelve: "a dozen", "two dozen", "half a dozen".
[set dozen]
dozen

# Vague plurals and their range: "dozens" 24..99, "hundreds of thousands"
# 200000..999999; `of` 1: only before "of" ("scores of"), which stays
# outside the value.
[table vague: low high of]
dozens                   24           99          0
scores                   40           99          1
hundreds                 200          999         0
thousands                2000         9999        0
millions                 2000000      9999999     0
tens of thousands        20000        99999       0
tens of millions         20000000     99999999    0
hundreds of thousands    200000       999999      0
hundreds of millions     200000000    999999999   0

# Before "half" it is no figure ("the first half", "one and a half").
[set half_not_after]
first
second
other
latter
last
the
one
and

# After "half" it is a fraction ("half of", "half the", "half its").
[set half_before]
of
the
its
their
his
her
our
all

# ---- units ----

# Letters joined to "$" that name its dollar: "US$", "CA$", "A$", "NZ$",
# "HK$" (a bare "$" is the US dollar).
[table dollar_prefix: unit=UNIT]
us          usd
u.s.        usd
ca          cad
c           cad
a           aud
au          aud
nz          nzd
hk          hkd
s           sgd

# Currency codes before the number, in capitals ("USD 300").
[table currency_code: unit=UNIT]
usd         usd
eur         eur
gbp         gbp

# Units written after the value, with the unit; `percent` ones apply to
# any value, the others only to a value without a currency or unit.
[table unit_after: unit=UNIT percent]
percent               percent     1
pct                   percent     1
per cent              percent     1
dollars               usd         0
us dollars            usd         0
u.s. dollars          usd         0
euros                 eur         0
pounds                gbp         0
pounds sterling       gbp         0
km                    km          0
kilometres            km          0
kilometers            km          0
kilometre             km          0
kilometer             km          0
miles                 miles       0
mile                  miles       0
metres                m           0
meters                m           0
metre                 m           0
meter                 m           0
kg                    kg          0
kilograms             kg          0
kilos                 kg          0
kilogrammes           kg          0
tonnes                t           0
tons                  t           0
tonne                 t           0
ton                   t           0
square km             km2         0
square kilometres     km2         0
square kilometers     km2         0
square kilometre      km2         0
square kilometer      km2         0
sq km                 km2         0
sq kilometres         km2         0
sq kilometers         km2         0
sq kilometre          km2         0
sq kilometer          km2         0
square miles          sq_miles    0
square mile           sq_miles    0
sq miles              sq_miles    0
sq mile               sq_miles    0

# ---- not figures ----

# After a value, a duration or span: "10 days", "three years ago".
[set time_unit]
second
seconds
minute
minutes
min
mins
hour
hours
hr
hrs
day
days
week
weeks
fortnight
fortnights
month
months
year
years
yr
yrs
decade
decades
century
centuries
night
nights
ago
# a spelled decade: "the early nineteen seventies"
twenties
thirties
forties
fifties
sixties
seventies
eighties
nineties

# After a value, a time of day: "3 p.m.", "0300 GMT".
[set clock_word]
a.m.
p.m.
a.m
p.m
am
pm
gmt
utc
o'clock
local

# Before a number, a name it is part of: "Route 5", "Resolution 2254",
# "Flight 17".
[set name_head]
article
articles
resolution
route
highway
road
flight
number
no
nos
tower
camp
gate
block
sector
zone
building
room
phase
level
grade
class
category
chapter
section
paragraph
clause
page
item
line
bus
street
platform
unit
brigade
battalion
division
regiment
squadron
kilometre
kilometer
checkpoint
lot
district
ward
episode
season
vol
volume
version
model
type
channel

# Before a four-digit number, words that make it a year: "in 2019",
# "fiscal 2020", "summer 1998".
[set year_prep]
in
since
by
until
till
from
of
during
before
after
early
late
mid
the
to
and
between
through
throughout
for
year
fiscal
summer
winter
spring
autumn
fall

# Before "one", words that make it no count: "no one", "the one".
[set one_not_after]
no
any
every
each
the
this
that
which
some

# After "one", words that make it no count: "one day", "one another".
[set one_not_before]
another
day
time
point
way
side
thing
hand
night
morning
evening
afternoon
more
after
by
other
last
such

# Capitalised words before a number that do not make it part of a name
# ("About 40", "Nearly 300").
[set cap_not_name]
just
nearly
almost
roughly
around
another
all
exactly
precisely
still
only
some
those
these
about
over
under
up
and
but
of
the
at
in
on
for
by
with
to
from
than
since

# After "N times", words that make it a ratio, not a count of times:
# "four times faster", "ten times more", "three times as many".
[set ratio_after]
more
less
fewer
as
faster
slower
higher
lower
larger
smaller
bigger
greater
longer
shorter
stronger
cheaper
deadlier
worse
better

# Before a number, words that make it an age: "aged 25".
[set age_word]
aged
age
ages

# Before "No." or "Nos.": a number in a name ("No. 5").
[set number_sign]
no
nos

# ---- the measure ----

# Participles that end a measure: "militants killed", "people missing".
[set participle]
killed
wounded
injured
dead
displaced
detained
arrested
captured
missing
abducted
kidnapped
evacuated
murdered
destroyed
seized
confiscated
assassinated
damaged
collapsed

# Plural nouns without an -s: "people", "police", "cattle".
[set irregular_plural]
people
men
women
children
police
personnel
staff
dead
killed
wounded
injured
aircraft
cattle
livestock
sheep
militia
crew
youth
clergy
infantry
data

# Words in -s that are no plural noun: "was", "news", "makes".
[set not_plural]
was
has
his
its
this
yes
does
thus
says
goes
whereas
as
is
us
plus
news
lies
sees
makes

# Determiners after "of" before a measure: "40 of the fighters".
[set measure_det]
the
its
their
his
her
our
those
these
all

# Between a value and its noun, a word that sets the counted apart from
# others told before and leaves the noun the measure: "five other people".
# ("five more people" is an increment, no count of its own: not here.)
[set measure_skip]
other

# Before "of", a count whose plural is the measure of a later figure:
# "the number of dead rose to 40".
[set count_noun]
number

# "half": a fraction ("half of", "half the"), or half a scale ("half a
# million", "half a dozen").
[set half]
half
