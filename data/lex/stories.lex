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

# Outcomes whose count only grows as it is reported again (the dead and
# the hurt of one happening are found, not lost): a later count below an
# earlier one's lowest value counts another happening, no update of it
# (the missing and the detained may fall as they are found or freed).
[set toll_cumulative]
killed
injured
executed

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

# The weights and thresholds of the cross-article stages, read by
# src/cluster/rules.c into one struct (cluster/rules.h); a decimal keeps
# three places.
[constants story_rules: value/1000]
# -- an article's terms (cluster/terms.c)
terms_cap         128     # distinct terms kept per article, the first in reading order
name_weight       2       # a capitalised word inside a sentence (a name) counts this many times
# -- candidates: an inverted index with bounded walks
walk_terms        16      # an article's heaviest terms looked up in the index
walk_whole        32      # a posting list this short is read whole
walk_window       8       # else the entries this near in date order, on each side
candidates        24      # candidates whose similarity is computed exactly
# -- the similarity graph
idf_prior         100     # documents assumed beside the corpus, each with any term once
shrink            25      # similarity x n / (n + shrink), n the smaller article's term count:
                          # a few shared words of two one-line items are weak evidence
edge_min          0.08    # the weakest similarity kept as an edge
neighbours        10      # an article keeps its this many most similar articles as edges
story_days        7       # two dated articles further apart than this are not linked by text
event_days        1       # two articles whose main events (the most dead) are of one kind,
                          # this many days apart at most, in two provinces report two
                          # look-alike happenings: they are not linked
near_copy         0.75    # MinHash similarity of near-copies (one article on two sites)
band_walk         32      # index entries read per MinHash band and article
# -- stories: average link over the graph
link_min          0.06    # two groups join when their edges' sum over
link_span         5       # min(|A||B|, link_span (|A| + |B|)) reaches link_min
link_relative     0.5     # ... and, when both groups have cohesion_size or more documents,
cohesion_size     3       # reaches this share of the looser group's own average link
year_support      2       # two such groups stay apart when this many members of one state a
                          # day of its latest year and the other states only earlier years
year_gap          3       # ... or when one member of one states a day of a year this many
                          # years after every year year_support members of the other state
                          # (a trial or an anniversary a year or two on is the same coverage)
time_read         16      # members of a group read for the dates it states
# -- corroboration, conflicts, trends (corroborate/corroborate.c)
group_cap         64      # groups of one story and measure a new claim is compared with (the last)
members_read      64      # members read per merged fact: its fields, dates, trend sentences
                          # (a fact a thousand articles repeat is decided by its first ones)
conflict_peers    16      # merged facts of one scope compared with each other
conflict_ratio    20      # figures this many times apart count different things, not two
                          # estimates of one ("27 killed" in an attack, "20,000 since 2015")
trend_days        7       # a point of a series covers at least this many days
trend_double      1.8     # the ratio to the previous period that confirms "doubled"
trend_triple      2.7     # ... "tripled"
trend_half        0.6     # ... "halved" (at most)
trend_rise        1.05    # ... "rose" (above)
trend_fall        0.95    # ... "fell" (below)
