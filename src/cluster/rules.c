/*
 * rules.c -- the cross-article stages' weights and thresholds (rules.h).
 */
#include "cluster/rules.h"

const sr_story_rules sr_story_rules_default = {
    .terms_cap = 128,
    .name_weight = 2,
    .walk_terms = 16,
    .walk_whole = 32,
    .walk_window = 8,
    .candidates = 24,
    .idf_prior = 100.0,
    .shrink = 25.0,
    .edge_min = 0.08,
    .neighbours = 10,
    .story_days = 7,
    .event_days = 1,
    .near_copy = 0.75,
    .band_walk = 32,
    .link_min = 0.06,
    .link_span = 5.0,
    .link_relative = 0.5,
    .cohesion_size = 3,
    .year_support = 2,
    .year_gap = 3,
    .time_read = 16,
    .group_cap = 64,
    .members_read = 64,
    .conflict_peers = 16,
    .conflict_ratio = 20.0,
    .trend_days = 7,
    .trend_double = 1.8,
    .trend_triple = 2.7,
    .trend_half = 0.6,
    .trend_rise = 1.05,
    .trend_fall = 0.95,
};
