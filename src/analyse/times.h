/*
 * times.h -- time expressions of an article, normalised against the
 * document date as intervals with a precision.
 *
 * Reads absolute dates ("July 17, 2024", "17 July 2024", "2024-07-17",
 * "07/17/2024", "July 2024", "in 2023", "the 1990s"), dates without a year
 * ("June 22", "in March", "late January", "on Tuesday", "Tuesday night"),
 * parts of years ("the first six months of 2024", "Q1 2024", "the second
 * half"), relative expressions ("last week", "earlier this week",
 * "yesterday", "two years ago", "since 2019", "between January and June",
 * "from October to February", "in the past three months"), durations
 * ("five years", "10 days", "a decade"), sets ("every Friday", "twice a
 * week") and times of day ("3 p.m.", "16:45 GMT").
 *
 * News refers to the past unless the tense says otherwise ("will",
 * "next", "scheduled"): a date without a year is the most recent one that
 * fits.  Weeks run Monday to Sunday.
 */
#ifndef SITREP_TIMES_H
#define SITREP_TIMES_H

#include "doc.h"
#include "core/dates.h" /* sr_date {year, month, day} */

typedef enum {
    SR_PREC_DAY = 1,
    SR_PREC_WEEK,
    SR_PREC_MONTH,
    SR_PREC_QUARTER,
    SR_PREC_HALF,
    SR_PREC_YEAR,
    SR_PREC_DECADE
} sr_precision;

typedef enum { SR_TIME_DATE = 1, SR_TIME_DURATION, SR_TIME_SET, SR_TIME_TIME } sr_time_kind;

typedef struct sr_time {
    uint32_t start, end; /* bytes of the expression in doc->src */
    sr_date from, to;    /* the interval, both days inclusive; from.year == 0 when unresolved (durations) */
    uint8_t precision;   /* sr_precision */
    uint8_t kind;        /* sr_time_kind */
    char duration[16];   /* ISO 8601 duration for SR_TIME_DURATION ("P5Y", "P3M", "P2W", "P10D"), else "" */
} sr_time;

/* Appends every time expression of the document's cleaned text (its tokens, sitrep_doc_tokens) to `out`
 * (an sr_buf of sr_time), in text order, resolved against `anchor` (the document date; anchor->year == 0
 * when unknown: then only absolute expressions resolve, relative ones are skipped). */
sitrep_status sr_find_times(const sitrep_doc *doc, const sr_date *anchor, sr_buf *out);

/* Name of a precision / kind for output: "day", "week", ...; "date", "duration", "set", "time". */
const char *sr_precision_name(int p);
const char *sr_time_kind_name(int k);

#endif
