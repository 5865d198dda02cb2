/*
 * rules.c -- the cross-article stages' weights and thresholds (rules.h),
 * as data/lex/stories.lex states them (story_rules, kept in thousandths).
 */
#include "cluster/rules.h"
#include "lex_ids.h"

#define K(name) SR_LEXK_STORIES_STORY_RULES_##name
#define SCALE SR_LEXSCALE_STORIES_STORY_RULES_VALUE
/* a count: the data must state a whole number (else the array size is -1
 * and the build fails here) */
#define WHOLE(name) (K(name) / SCALE + 0 * sizeof(char[K(name) % SCALE == 0 ? 1 : -1]))
#define REAL(name) ((double)K(name) / SCALE)

const sr_story_rules sr_story_rules_default = {
    .terms_cap = WHOLE(TERMS_CAP),
    .name_weight = WHOLE(NAME_WEIGHT),
    .walk_terms = WHOLE(WALK_TERMS),
    .walk_whole = WHOLE(WALK_WHOLE),
    .walk_window = WHOLE(WALK_WINDOW),
    .candidates = WHOLE(CANDIDATES),
    .idf_prior = REAL(IDF_PRIOR),
    .shrink = REAL(SHRINK),
    .edge_min = REAL(EDGE_MIN),
    .neighbours = WHOLE(NEIGHBOURS),
    .story_days = WHOLE(STORY_DAYS),
    .event_days = WHOLE(EVENT_DAYS),
    .near_copy = REAL(NEAR_COPY),
    .band_walk = WHOLE(BAND_WALK),
    .link_min = REAL(LINK_MIN),
    .link_span = REAL(LINK_SPAN),
    .link_relative = REAL(LINK_RELATIVE),
    .cohesion_size = WHOLE(COHESION_SIZE),
    .year_support = WHOLE(YEAR_SUPPORT),
    .year_gap = WHOLE(YEAR_GAP),
    .time_read = WHOLE(TIME_READ),
    .group_cap = WHOLE(GROUP_CAP),
    .members_read = WHOLE(MEMBERS_READ),
    .conflict_peers = WHOLE(CONFLICT_PEERS),
    .conflict_ratio = REAL(CONFLICT_RATIO),
    .trend_days = WHOLE(TREND_DAYS),
    .trend_double = REAL(TREND_DOUBLE),
    .trend_triple = REAL(TREND_TRIPLE),
    .trend_half = REAL(TREND_HALF),
    .trend_rise = REAL(TREND_RISE),
    .trend_fall = REAL(TREND_FALL),
};
