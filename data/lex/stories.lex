# The cross-article stages (cluster/stories.c, corroborate/corroborate.c).

# What a claim's measure counts when it names an outcome ("militants
# killed", "suspects detained"): the outcome, and the family of figures it
# belongs to (arrested, apprehended and detained count the same people).
[table outcomes: family]
killed        killed
injured       injured
arrested      arrested
apprehended   arrested
detained      arrested
captured      captured
abducted      abducted
displaced     displaced
executed      executed
released      released
rescued       rescued
missing       missing

# Nouns that count anyone ("people killed"): a toll of them and a toll of a
# kind of people ("fighters killed", "passengers killed") may count the same
# dead, so two such figures of one story are compared; two kinds ("leaders
# killed", "perpetrators killed") are not.
[set toll_generic]
people
persons
person
individuals

# Trends (corpus/corpus.c, judged by corroborate.c): a word that says a
# figure changed, and how. `after_by` 1: only after "by" ("fell by half").
[table trend_words: kind=TREND after_by]
double      double   0
doubled     double   0
doubling    double   0
triple      triple   0
tripled     triple   0
halved      half     0
halving     half     0
half        half     1
rose        rise     0
risen       rise     0
rising      rise     0
increased   rise     0
surged      rise     0
jumped      rise     0
grew        rise     0
fell        fall     0
declined    fall     0
dropped     fall     0
decreased   fall     0

# Words before a trend word that belong to its phrase ("on track to
# double", "expected to more than double", "fell by half"), at most five.
[set trend_lead]
on
track
pace
to
expected
more
than
set
poised
likely
nearly
almost
by
fell
cut
is
