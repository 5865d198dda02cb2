# times.lex -- the words the time finder (src/analyse/times.c) reads a
# time expression by: the gate, units, the words that make a bare month or
# year a time, the cues of the future, the modifiers of a period, the
# relative days, and the words that make a number or a weekday no time.
# Format: data/lex/README.md.


# ---- the gate ----

# Words of time: a time expression is near when one of these (or a
# number, a month, a weekday) is (timeish, SR_WI_TIMEISH).
[set timeish]
after
afternoon
ago
annually
before
beginning
century
coming
course
couple
dawn
day
days
decade
decades
dusk
early
earlier
eight
eleven
end
entire
evening
every
few
fifteen
final
first
five
four
fourth
fortnight
half
hour
hours
last
late
later
middle
midnight
minute
minutes
month
months
morning
next
night
nights
nine
noon
one
past
period
previous
quarter
quarters
recent
remainder
rest
same
second
seven
several
since
six
span
start
ten
third
three
today
tomorrow
tonight
twelve
twenty
twice
once
two
week
weekend
weekly
weeks
whole
daily
monthly
year
yearly
years
yesterday
time
date
following
prior
preceding
now
fiscal
fy
spring
summer
autumn
winter
fall

# Small words that start a time expression only with a word of time
# within three tokens ("the first half", "in March"; SR_WI_TIME_SMALL).
[set small]
a
an
and
at
all
around
between
by
during
each
for
from
in
of
on
over
so
that
the
this
through
throughout
till
until
up
within

# ---- units ----

# Units of time and whether the form is plural: "day", "years"; also the
# second half of "two-year", "six-month".
[table unit: unit=TIME_UNIT plural]
hour        hour      0
hours       hour      1
day         day       0
days        day       1
week        week      0
weeks       week      1
month       month     0
months      month     1
year        year      0
years       year      1
decade      decade    0
decades     decade    1

# ---- context ----

# Words after which a month name or a bare four-digit year is a time:
# "in March", "since 2019", "summer 1998", "the forecast for 2025".  After "and", "or", "to",
# "through" only when a year or month came before ("2019 and 2021").
[set trigger]
in
for
since
during
of
by
until
till
from
between
early
late
mid
before
after
around
throughout
through
to
and
or
last
this
next
on
circa
spring
summer
autumn
fall
winter
year

# Plural nouns after a number: "of 2000 fighters" counts, "2000 people"
# is no year.
[set count_noun]
people
men
women
children
police
personnel
staff

# Plural nouns of what a year is of: after a determiner and a four-digit
# number they make it a year ("the 2006 results", "its 2009 elections"),
# where another plural noun makes it a count ("the 2000 soldiers").
[set year_noun]
results
sales
earnings
profits
losses
revenues
accounts
figures
forecasts
estimates
budgets
statistics
elections
primaries
polls
talks
negotiations
hearings
attacks
bombings
riots
protests
floods
games
championships
finals
playoffs
awards
rankings
models
editions

# Words in -s after a number that are no plural noun: "in 1998 this".
[set not_plural]
this
thus
plus
less
unless
across

# Words that point a clause ahead: a date without a year or a weekday in
# it is then the next one ("will meet on Thursday", "the upcoming vote in
# March", "payable Dec. 1").  "due" (not "due to" after a noun), "set to",
# "to be" and "'ll" are read in times.c.
[set future_cue]
will
shall
won't
won’t
upcoming
forthcoming
scheduled
planned
expected
payable
next

# Modal verbs: what they govern lies ahead of the document date ("the sale
# should be completed in October", "it would close in March").
[set modal]
would
should
could
may
might
must
can

# Auxiliaries of the past: "was closed until Friday", "had taken".
[set past_aux]
was
were
had
did

# Auxiliaries of the perfect ("has announced in March": the past) and
# forms of "be" before a participle ("was held", "to be held").
[set perfect]
has
have

[set be_form]
be
been
being
is
are
am
was
were

# Common irregular verbs in the past tense: "said on Tuesday", "met in
# March", "took office in January".
[set past_verb]
said
told
took
came
went
began
met
held
made
won
lost
saw
got
gave
left
fell
rose
sold
bought
paid
spent
sent
led
built
struck
fought
brought
thought
became
broke
wrote
chose
drove
flew
ran
stood
kept
felt
found
heard
knew
grew
agreed
signed

# Words that may open a sentence before its date, the verb (and its cue)
# coming after: "On Friday, the council will vote".
[set lead]
on
by
from
until
in
starting
early
late

# ---- points ----

# Modifiers of a period and the part they narrow it to: early (1), middle
# (2), late (3); an adjective before the period ("early 2009",
# "mid-March") or a noun with "the ... of" ("the end of the year").
[table modifier: part form]
early       1     adjective
mid         2     adjective
late        3     adjective
beginning   1     noun
start       1     noun
middle      2     noun
end         3     noun

# Days named relative to the document date, with their offset in days.
[table day_word: offset]
today                        0
tonight                      0
yesterday                    -1
tomorrow                     1
the day before yesterday     -2
the day after tomorrow       2
last night                   -1
last evening                 -1
this morning                 0
this afternoon               0
this evening                 0
earlier today                0
later today                  0

# "a dozen", "a couple of": a count after "a"/"an".
[table article_count: n]
dozen        12
couple of    2

# The word after an amount of time that puts it back from now: "two years
# ago".
[set ago]
ago

# The word after an amount of time that makes it an age: "a 10-year-old",
# "five years old".
[set age]
old

# The weekend: "over the weekend", "this weekend".
[set weekend]
weekend

# Before "the weekend", the one just past: "over the weekend".
[set weekend_prep]
over
during
at

# "so far this year", "so far in 2024".
[set so_far]
so far

# "earlier this month" (1), "later this week" (2): the part of the period.
[table earlier_later: part]
earlier     1
later       2

# Parts of a day after a weekday or "last"/"this": "Tuesday night",
# "last evening", "this morning".
[set part_of_day]
night
morning
afternoon
evening

# How "this", "last", "next" place a week, month, year, month name or
# weekday against the document date.
[table rule: rule]
this        this
last        last
next        next

# Words before a weekday that make it part of a name: "Bloody Sunday",
# "Good Friday".
[set weekday_name]
bloody
holy
good
black

# ---- parts of a year ----

# Ordinals: of a half or quarter ("the second quarter", "the first
# half"), of a day in a run ("a third straight day").
[table ordinal: n]
first       1
second      2
third       3
fourth      4
fifth       5
sixth       6
seventh     7
eighth      8
ninth       9
tenth       10

# After an ordinal, words that make a day, week, month or year one of a
# run that ends in the one in focus: "for a second consecutive day",
# "the third straight week".
[set streak]
consecutive
straight
successive
running

# The last part: "the last quarter", "the final six months".
[set last_part]
last
final
latter

# Parts of a year: "the first half", "the third quarter" (the number of
# parts in a year).
[table year_part: parts]
half        2
quarter     4

# ---- rolling periods ----

# "the past three months", "the next two weeks": the direction, and
# whether the words count from the story's events rather than from the
# article's date when no number follows ("the previous day": narrative).
[table rolling: dir narrative]
past        -1    0
last        -1    0
previous    -1    1
preceding   -1    1
next        1     1
coming      1     0

# ---- sets, durations, times of day ----

# "every Friday", "each year".
[set every]
every
each

# "every night", "each weekend": the unit of a recurrence named by a part
# of a day or of a week.
[table every_part: unit=TIME_UNIT]
night       day
morning     day
weekend     week

# The word after a count that makes it a number of times: "three times a
# day".
[set times_count]
times

# The word after "twice", "three times" that makes the unit a rate: "twice
# a week", "three times per day", "once every year".
[set per_unit]
a
an
per

# "once a week", "twice a day".
[set times_word]
once
twice
thrice

# Words before "a year" that make it a rate, not a duration: "twice a
# year", "$5 million a year".
[set rate_before]
times
once
twice
thrice
people
million
billion
thousand
hundred
percent
per

# Time zones and the like after a clock time: "16:45 GMT", "16:45 local
# time", "0300 hours"; whether the word also makes a bare four-digit number
# a clock time ("0300 GMT", but not "1000 hours": a duration).
[table zone: bare]
gmt          1
utc          1
local        0
local time   0
hours        0
hrs          1

# a.m. and p.m.
[set ampm]
a.m.
p.m.
a.m
p.m
am
pm

# "noon" and "midnight" are times only after one of these: "at noon".
[set clock_prep]
at
around
after
before
until
by

# Noon and midnight.
[set clock_word]
noon
midnight

# ---- relations ----

# Words before a point that relate the text to it (TimeML's signals), kept
# with the expression: "by 2012", "until Friday", "before March".
# "since", "from ... to" and "between ... and" are read by their matchers.
[table relation: rel]
by          by
until       until
till        until
through     until
before      before
after       after

# Determiners before a four-digit number that make it a year modifying
# the noun after it: "the 2011 version", "its 1991 settlement" (a plural
# noun after it still makes it a count: "the 2000 soldiers").
[set year_det]
the
a
an
its
their
his
her
our
this
that
these
those

# Words that open a subordinate clause: read backwards from a date, the
# tense before them is another clause's ("said that it will close by
# June").
[set clause_opener]
that
which
who
whose
whom

# ---- anaphora: dates told from the last date in focus ----

# Units an anaphor names, with the granularity of its value; `any` keeps
# the focus's own ("the same period last year", "that time").
[table anaphor_unit: gran]
day         day
week        week
month       month
quarter     quarter
year        year
period      any
time        any
date        any

# Words that move an anaphor from its focus, and which way: "the
# previous year", "the year before", "a year earlier", "two days later",
# "the following week".
[table anaphor_shift: dir]
previous    -1
preceding   -1
prior       -1
earlier     -1
before      -1
following   1
next        1
later       1
after       1

# "the same day", "the entire year": the focus itself, at the unit.
[set anaphor_same]
same
entire
whole

# Seasons and the month they begin in (northern): "spring 2008", "the fall
# of 2008", "last winter" (December to February).
[table season: month]
spring      3
summer      6
fall        9
autumn      9
winter      12

# Holidays and their day: a fixed month and day; a day counted from
# Easter Sunday (month 0, day the offset); or the nth weekday (1 Monday
# .. 7 Sunday) of a month (day 0).  Read with a capital; a year after
# names it ("Christmas 2008"), else the tense of the clause places it as
# a date without a year.  Possessives are read without their 's ("New
# Year's Day" is "new year day").
[table holiday: month day weekday nth]
christmas           12    25    0    0
christmas day       12    25    0    0
christmas eve       12    24    0    0
boxing day          12    26    0    0
new year day        1     1     0    0
new year eve        12    31    0    0
valentine day       2     14    0    0
halloween           10    31    0    0
good friday         0     -2    0    0
easter              0     0     0    0
easter sunday       0     0     0    0
easter monday       0     1     0    0
thanksgiving        11    0     4    4
thanksgiving day    11    0     4    4

# Before a year, words that make it a fiscal year: "fiscal 2008", "FY
# 2008".
[set fiscal]
fiscal
fy

# Before "the 15th": a day of the month in focus ("on the 15th", "by the
# 20th").
[set day_prep]
on
by
until
since
from
before
after

# Verbs in the present that tell a scheduled happening: "the event takes
# place on Oct. 14", "the talks begin on Monday" (ahead of the document
# date).
[set schedule_verb]
takes
begins
starts
opens
ends
expires
closes
resumes
launches
take
begin
start
resume
expire

# Every class tense_word (times.c) reads a tense from: a word in none of
# them, of more than three letters and ending in neither "ll" nor "ed",
# tells no tense and is not read further (its other rules read "due",
# "set", "be", "to", "'ll" and verbs in -ed).
[union tense_word: future_cue modal schedule_verb past_aux perfect past_verb]
