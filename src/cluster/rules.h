/*
 * rules.h -- the weights and thresholds of the cross-article stages, in one
 * named table (rules.c), so that no stage hides a number of its own.  The
 * numbers and what each means are data: data/lex/stories.lex, story_rules;
 * a new one is a row there and a field here.
 *
 * Stories (cluster/stories.c) are made from the evidence that two articles
 * report one happening: their words (TF-IDF over the corpus), weighed by
 * how much text each has, within a span of days; near-copies (MinHash) are
 * one article.  Corroboration, conflicts and trends (corroborate.c) compare
 * figures only within one happening and one scope, or across happenings
 * only for one named source's figure of one fully stated scope.
 */
#ifndef SITREP_CLUSTER_RULES_H
#define SITREP_CLUSTER_RULES_H

typedef struct sr_story_rules {
    /* ---- an article's terms (cluster/terms.c) ---- */
    unsigned terms_cap;   /* distinct terms kept per article, the first in reading order */
    unsigned name_weight; /* a capitalised word inside a sentence (a name) counts this many times */
    /* ---- candidates (an inverted index with bounded walks) ---- */
    unsigned walk_terms;  /* an article's heaviest terms looked up in the index */
    unsigned walk_whole;  /* a posting list this short is read whole */
    unsigned walk_window; /* else the entries this near in date order, on each side */
    unsigned candidates;  /* candidates whose similarity is computed exactly */
    /* ---- the similarity graph ---- */
    double idf_prior;     /* documents assumed beside the corpus, each with any term once */
    double shrink;        /* similarity x n / (n + shrink), n the smaller article's term count:
                           * a few shared words of two one-line items are weak evidence */
    double edge_min;      /* the weakest similarity kept as an edge */
    unsigned neighbours;  /* an article keeps its this many most similar articles as edges */
    int story_days;       /* two dated articles further apart than this are not linked by text */
    int event_days;       /* two articles whose main events (the most dead) are of one kind, this
                           * many days apart at most, in two provinces report two look-alike
                           * happenings: they are not linked */
    double near_copy;     /* MinHash similarity of near-copies (one article on two sites) */
    unsigned band_walk;   /* index entries read per MinHash band and article */
    /* ---- stories: average link over the graph ---- */
    double link_min;      /* two groups join when their edges' sum over
                           * min(|A||B|, link_span (|A| + |B|)) reaches this */
    double link_span;
    double link_relative; /* ... and, when both groups have cohesion_size or more documents, reaches
                           * this share of the looser group's own average link */
    unsigned cohesion_size;
    unsigned year_support; /* two such groups stay apart when this many members of one state a
                            * day of its latest year and the other states only earlier years */
    unsigned year_gap;    /* ... or when one member of one states a day of a year this many years after
                           * every year this many members of the other state (a trial or an
                           * anniversary a year or two on is the same happening's coverage) */
    unsigned time_read;   /* members of a group read for the dates it states */
    /* ---- corroboration, conflicts, trends (corroborate.c) ---- */
    unsigned group_cap;   /* groups of one story and measure a new claim is compared with (the last) */
    unsigned members_read; /* members read per merged fact: its fields, dates, trend sentences (a
                           * fact a thousand articles repeat is decided by its first ones) */
    unsigned conflict_peers; /* merged facts of one scope compared with each other */
    double conflict_ratio; /* figures this many times apart count different things, not two
                           * estimates of one ("27 killed" in an attack, "20,000 since 2015") */
    int trend_days;       /* a point of a series covers at least this many days */
    double trend_double;  /* the ratio to the previous period that confirms "doubled" */
    double trend_triple;  /* ... "tripled" */
    double trend_half;    /* ... "halved" (at most) */
    double trend_rise;    /* ... "rose" (above) */
    double trend_fall;    /* ... "fell" (below) */
} sr_story_rules;

extern const sr_story_rules sr_story_rules_default;

#endif
