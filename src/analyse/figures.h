/*
 * figures.h -- every quantity a news text states: the number, its
 * qualifier ("at least", "about", "between ... and ..."), its unit (a
 * currency, percent, a distance) and what it counts ("militants killed").
 *
 * sr_find_figures() reads the document's cleaned tokens one sentence at a
 * time.  Years, dates, times of day, ages, durations, ordinals, numbers in
 * names ("Tower 22", "Resolution 2254", "F-16"), list numbering, page
 * furniture ("5h ago") and phone numbers are not figures.  See figures.c
 * for the exact rules.
 */
#ifndef SITREP_FIGURES_H
#define SITREP_FIGURES_H

#include "doc.h"

typedef enum { SR_Q_EXACT = 1, SR_Q_APPROX, SR_Q_MORE_THAN, SR_Q_AT_LEAST, SR_Q_FEWER_THAN,
               SR_Q_UP_TO, SR_Q_RANGE } sr_qualifier;

typedef struct sr_figure {
    uint32_t start, end;          /* bytes of the whole expression (qualifier, number, unit) in doc->src */
    double low, high;             /* equal for a single value */
    uint8_t qualifier;            /* sr_qualifier */
    char unit[12];                /* "" for a count, "percent", "usd", "eur", "gbp", "km", "miles" ... */
    uint32_t measure_start, measure_end; /* bytes of what it counts ("attacks", "militants killed",
                                          * "fighters", "countries"), both 0 when not found */
} sr_figure;

/* Appends every figure of the document's cleaned text (sitrep_doc_tokens) to `out` (an sr_buf of
 * sr_figure), in text order. */
sitrep_status sr_find_figures(const sitrep_doc *doc, sr_buf *out);

/* (sr_qualifier has the values of sitrep_qualifier; names: sitrep_qualifier_name) */

#endif
