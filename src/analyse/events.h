/*
 * events.h -- ACLED-style events: each violent or strategic happening an
 * article reports, typed with ACLED's event and sub-event types, dated,
 * placed, with its actors (perpetrator first) and its dead and injured.
 *
 * sr_find_events() reads trigger words ("bombing", "opened fire", "drone
 * attack", "clashes", "arrested", "ceasefire") in their clause, leaves out
 * what did not happen (threats, plans, the future, negation) and what is a
 * tally rather than a happening ("153 attacks", "regular drone attacks"),
 * and merges a later reference to the same happening ("the attack") into
 * the event it names.
 */
#ifndef SITREP_EVENTS_H
#define SITREP_EVENTS_H

#include "doc.h"
#include "analyse/claims.h"
#include "analyse/context.h"
#include "core/dates.h"

#define SR_EVENT_ACTORS 5
#define SR_EVENT_SPANS 6

typedef struct sr_event {
    uint8_t sub;                 /* index in the sub-event table (sr_event_sub) */
    uint8_t precision;           /* sr_precision of the date, 0 when unknown */
    uint8_t nactors, nspans;
    uint8_t fat_q, inj_q;        /* sr_qualifier, 0 when not stated */
    uint8_t weak_date;           /* 1: the date is the statement's ("said Saturday"): by then;
                                    2: the text gives none: the month up to the report's date */
    uint8_t perp;                /* actors[0] is its perpetrator (not only the other side) */
    uint8_t vague;               /* its sub-event is "an attack" typed by default (no target named) */
    uint8_t reaction;            /* told only as what others respond to ("condemned the attack") */
    uint8_t framed;              /* placed at the dateline only to anchor it: the report is filed
                                    from abroad, report_frame places it in the report's country */
    uint8_t nominal;             /* told only by a definite mention ("the murder of the judge")
                                    with no place, day or toll of its own */
    uint8_t fat_told;            /* its toll restates a number counted before ("the priests"
                                    after "six priests"): no toll of its own */
    uint32_t first_sen, last_sen; /* the first and last sentence that tell it */
    uint8_t perp_conf;           /* SR_PERP_*: how the report ties the perpetrator to it */
    sr_date from, to;            /* the date, both inclusive; from.year == 0 when unknown */
    double fat_low, fat_high, inj_low, inj_high;
    const char *actors[SR_EVENT_ACTORS]; /* canonical names, perpetrator first (borrowed) */
    int32_t location;            /* doc entity index of its place, -1 */
    uint32_t region;             /* when it has none: the gazetteer id + 1 of the country the
                                    report is about (0: none) */
    char region_cc[3];           /* that country's ISO code */
    uint32_t trigger_start, trigger_end;  /* the words that name it */
    uint32_t span_start[SR_EVENT_SPANS];  /* the sentences that report it */
    uint32_t span_end[SR_EVENT_SPANS];
} sr_event;

/* Appends the document's events to `out` (an sr_buf of sr_event).  `claims`
 * and `fig_claim` are sr_find_claims' output (the dead and injured are
 * claims); `anchor` is the document date. */
sitrep_status sr_find_events(const sr_context *c, const sr_date *anchor, const sr_buf *claims,
                             const sr_buf *fig_claim, sr_arena *arena, sr_buf *out);

/* How sure the report is of who did it (MUC's distinction): told as fact,
 * claimed by the doer, suspected, or blamed by others. */
enum { SR_PERP_REPORTED = 1, SR_PERP_CLAIMED, SR_PERP_SUSPECTED, SR_PERP_ACCUSED };
/* (the values of sitrep_perp_confidence) */

/* The ACLED sub-event of sub-event `sub` (its name and type: sitrep.h). */
sitrep_sub_event sr_event_sub(int sub);

#endif
