/*
 * model.h -- the report's model: the records of the output contract
 * (CONTRACT.md) typed, sorted and indexed once (model.c), so that the
 * renderers (render_md.c, render_html.c, render_export.c's CSV) read C
 * fields, never JSON.
 *
 * Records are taken as they come: any field may be missing, null or of
 * another type.  The model keeps that difference and guesses nothing: a
 * string is NULL unless the record holds a string there, a number is
 * `set` only when the record holds a finite number, and a list keeps one
 * entry (NULL when it is not a string) for every element of the record's
 * array, so counts stay those of the record.  Strings are borrowed from
 * the records, which must outlive the model.
 */
#ifndef SITREP_REPORT_MODEL_H
#define SITREP_REPORT_MODEL_H

#include "core/core.h"

#include <jansson.h>

/* A number the record states (finite), or not. */
typedef struct sr_rnum {
    double v;
    bool set;
} sr_rnum;

/* The strings of an array: n entries, v[i] NULL where the element is not a
 * string (a place: its name, else its country). */
typedef struct sr_rlist {
    const char **v;
    size_t n;
} sr_rlist;

typedef struct sr_rperiod {
    const char *start, *end;
} sr_rperiod;

/* A quoted span: {doc, start, end, quote}. */
typedef struct sr_rsource {
    const char *doc, *quote;
    sr_rnum start, end;
} sr_rsource;

typedef struct sr_rsources {
    sr_rsource *v;
    size_t n;
} sr_rsources;

/* A value {low, high} with its qualifier (a claim's, a toll's). */
typedef struct sr_rvalue {
    sr_rnum low, high;
    const char *qualifier;
    bool present;                    /* the record holds an object there */
} sr_rvalue;

typedef struct sr_rdoc {
    const char *id;                  /* "" when the record has none (so for every id below) */
    const char *title, *outlet, *published, *published_inferred, *url, *duplicate_of, *story;
    sr_rlist byline;
} sr_rdoc;

typedef struct sr_rstory {
    const char *id, *title, *first_seen, *last_seen;
    sr_rlist documents;
} sr_rstory;

typedef struct sr_rclaim {
    const char *id, *measure, *actor, *attributed_to, *status;
    sr_rvalue value;                 /* its qualifier is the claim's */
    sr_rlist places;
    sr_rperiod period;
    sr_rnum outlets;
    sr_rsources sources;
    size_t ndocuments;
} sr_rclaim;

typedef struct sr_rlocation {
    const char *name, *admin1, *country;
    sr_rnum lat, lon;
} sr_rlocation;

typedef struct sr_revent {
    const char *id, *event_type, *sub_event_type;
    sr_rperiod date;
    const char *precision;
    sr_rlocation location;
    sr_rlist actors;
    sr_rvalue fatalities, injured;
    sr_rsources sources;
    size_t ndocuments;
    bool has_day;                    /* date.start a date: its day (sr_rparse_day), the order's key */
    long day;
} sr_revent;

typedef struct sr_rconflict {
    const char *id, *reason;
    sr_rlist claims, events;
} sr_rconflict;

/* A point of a trend, or its projection. */
typedef struct sr_rpoint {
    sr_rperiod period;
    sr_rnum value;
    const char *claim;               /* a point's claim id; NULL for the projection */
} sr_rpoint;

typedef struct sr_rtrend {
    const char *id, *measure, *actor;
    sr_rlist places;
    sr_rpoint *points;
    size_t npoints;
    bool has_projection;             /* an object: the projection is shown */
    sr_rpoint projection;
    const char *basis;               /* how the projection was made */
    sr_rnum ratio;
    bool has_check;
    const char *statement, *verdict, *check_doc, *check_quote;
} sr_rtrend;

/* The records a report shows, in the order it shows them: stories with
 * more articles first, claims by outlets then value, events by date;
 * documents, conflicts and trends as given. */
typedef struct sr_rmodel {
    const sitrep_mem *mem;
    sr_arena arena;                  /* everything below */
    sr_rdoc *docs;                   /* in record order, like conflicts and trends */
    const sr_rstory **stories;       /* in the report's order */
    const sr_rclaim **claims;
    const sr_revent **events;
    sr_rconflict *conflicts;         /* disputes between sources */
    sr_rconflict *updates;           /* conflict records of kind "update": a later report
                                      * revising a figure */
    sr_rtrend *trends;
    size_t ndocs, nstories, nclaims, nevents, nconflicts, nupdates, ntrends;
    size_t nrecords;                 /* every record given, shown or not */
    size_t top;                      /* a section shows its first `top` items and
                                      * counts the rest (0: all; sr_report_write) */
    /* indexes: the same records sorted by id */
    const sr_rdoc **doc_ids;
    const sr_rstory **story_ids;
    const sr_rclaim **claim_ids;
    struct sr_rlink {
        const char *claim;           /* a claim id a conflict names */
        const sr_rconflict *conflict;
    } *links;                        /* by claim id */
    size_t nlinks;
    const char **scratch;            /* room for any list of outlets */
    size_t nscratch;
} sr_rmodel;

/* Types, sorts and indexes recs[0..n) (any JSON values; those that are not
 * documents, stories, claims, events, conflicts or trends are counted and
 * passed over).  SITREP_ENOMEM, after which the model is freed. */
sitrep_status sr_rmodel_load(sr_rmodel *m, json_t *const *recs, size_t n);
void sr_rmodel_free(sr_rmodel *m);

/* Look-ups by id (NULL when absent or id is NULL). */
const sr_rdoc *sr_rmodel_doc(const sr_rmodel *m, const char *id);
const sr_rstory *sr_rmodel_story(const sr_rmodel *m, const char *id);
const sr_rclaim *sr_rmodel_claim(const sr_rmodel *m, const char *id);
/* The first conflict that names claim `id`, or NULL. */
const sr_rconflict *sr_rmodel_conflict_of(const sr_rmodel *m, const char *id);

/* The distinct outlets of documents `ids` (NULL: every document), sorted,
 * in m->scratch; returns how many. */
size_t sr_rmodel_outlets(sr_rmodel *m, const sr_rlist *ids);
/* The earliest and latest document dates (stated, else inferred), or
 * without any those the stories were seen; false when nothing is dated. */
bool sr_rmodel_date_range(const sr_rmodel *m, const char **first, const char **last);
/* How many claims have this status. */
size_t sr_rmodel_count_status(const sr_rmodel *m, const char *status);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (more may follow) as days since
 * 1970-01-01 of its first day; false when s is no such date. */
bool sr_rparse_day(const char *s, long *days);

#endif
