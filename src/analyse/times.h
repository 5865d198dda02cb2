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
    SR_PREC_DECADE,
    SR_PREC_SEASON, /* "spring 2008", "last winter": the season's three months (northern) */
    SR_PREC_FISCAL  /* "fiscal 2008", "FY2008": the calendar year of its name (its months vary) */
} sr_precision;

typedef enum { SR_TIME_DATE = 1, SR_TIME_DURATION, SR_TIME_SET, SR_TIME_TIME } sr_time_kind;

/* What the words round an expression make of it (TimeML's signals): "since
 * 1989", "until Friday", "from 2009 to 2011", "between 2014 and 2016", "by
 * 2012", "before March", "after the war's end in 2003". */
typedef enum {
    SR_REL_NONE = 0,
    SR_REL_SINCE,   /* its period runs from the value to the document date */
    SR_REL_UNTIL,
    SR_REL_FROM,    /* the first end of "from X to Y" */
    SR_REL_TO,      /* the second end of "from X to/until/through Y" */
    SR_REL_BETWEEN, /* the first end of "between X and Y" */
    SR_REL_AND,     /* the second end of "between X and Y" */
    SR_REL_BY,
    SR_REL_BEFORE,
    SR_REL_AFTER
} sr_time_relation;

/* The part of its value a modifier keeps ("early 2009", "mid-March", "the
 * end of the year"). */
typedef enum { SR_MOD_NONE = 0, SR_MOD_START, SR_MOD_MID, SR_MOD_END } sr_time_mod;

typedef struct sr_time {
    uint32_t start, end; /* bytes of the expression in doc->src (without its relation word) */
    sr_date from, to;    /* the period it covers with its relation and modifier, both days
                          * inclusive: "since 1989" 1989-01-01 to the document date, "early
                          * June" June 1-10, each end of "from 2009 to 2011" 2009-2011; what
                          * claims and events read.  from.year == 0 when unresolved */
    sr_date vfrom, vto;  /* its own value, TimeML-style: "since 1989" 1989, "early June" June,
                          * "from 2009" 2009 */
    uint8_t precision;   /* sr_precision of the value */
    uint8_t kind;        /* sr_time_kind */
    uint8_t relation;    /* sr_time_relation */
    uint8_t mod;         /* sr_time_mod */
    char duration[16];   /* ISO 8601 duration for SR_TIME_DURATION ("P5Y", "P3M", "P2W", "P10D"), else "" */
} sr_time;

/* Appends every time expression of the document's cleaned text (its tokens, sitrep_doc_tokens) to `out`
 * (an sr_buf of sr_time), in text order, resolved against `anchor` (the document date; anchor->year == 0
 * when unknown: then only absolute expressions resolve, relative ones are skipped). */
sitrep_status sr_find_times(const sitrep_doc *doc, const sr_date *anchor, sr_buf *out);

/* (sr_precision and sr_time_kind have the values of sitrep_precision and
 * sitrep_time_kind; their names: sitrep_precision_name, sitrep_time_kind_name) */
/* Name of a relation / modifier for output: "since", "until", ... (NULL for
 * none); "start", "mid", "end" (NULL). */
const char *sr_time_relation_name(int r);
const char *sr_time_mod_name(int m);

#endif
