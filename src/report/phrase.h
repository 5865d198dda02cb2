/*
 * phrase.h -- what the Markdown and the HTML report say alike
 * (phrase.c): the output buffer with its escaping, numbers and values as
 * people write them, and the phrases of the report model's parts (a
 * figure, a period, a place, a toll, an event's type and date, the
 * summary).  The renderers put their own markup around them.
 */
#ifndef SITREP_REPORT_PHRASE_H
#define SITREP_REPORT_PHRASE_H

#include "report/model.h"

/* ---- output ---- */

typedef enum sr_esc { SR_ESC_HTML, SR_ESC_MD } sr_esc;

/* Output gathered in a buffer and handed to `write` in pieces of about
 * 32 KB; the first failure (out of memory, or `write` refusing) sticks in
 * `status`. */
typedef struct sr_out {
    sr_buf buf;
    sitrep_write_fn write;
    void *ctx;
    sitrep_status status;
    sr_esc mode;                     /* how text is escaped */
} sr_out;

void sr_out_init(sr_out *o, sr_esc mode, sitrep_write_fn write, void *ctx);
/* Flushes and frees the buffer; returns the status. */
sitrep_status sr_out_end(sr_out *o);
void sr_out_flush(sr_out *o);
/* Markup: a literal of the renderer, never record text. */
void sr_out_raw(sr_out *o, const char *s);
void sr_out_raw_n(sr_out *o, const char *s, size_t n);
/* Markup with numbers; never given record strings. */
void sr_out_rawf(sr_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record text, escaped for the output's mode (s may be NULL: nothing). */
void sr_out_text(sr_out *o, const char *s);
void sr_out_text_n(sr_out *o, const char *s, size_t n);
/* Record text cut to about `limit` bytes at a space, with an ellipsis. */
void sr_out_text_short(sr_out *o, const char *s, size_t limit);
/* A quote as a person reads it: a web page's inline tags left out and its
 * character references decoded, cut to `limit` bytes unless 0. */
void sr_out_quote(sr_out *o, const char *q, size_t limit);

/* ---- numbers and values ---- */

/* A number as people write it: 2,500; 307.7; 2.54; 25 million. */
void sr_fmt_num(char *buf, size_t size, double v);
/* A value with its qualifier: "about 2,500", "3,000–5,000", "?"; a figure
 * of dollars or percent (`measure`) gets its sign ("$10 million", "70%"). */
void sr_fmt_value(char *buf, size_t size, const sr_rvalue *v, const char *measure);
const char *sr_plural(size_t n, const char *one, const char *many);

/* ---- phrases of the model's parts ---- */

/* A period as "start..end", or one date when they agree; false (nothing
 * written) when it has neither. */
bool sr_put_period(sr_out *o, const sr_rperiod *p);
/* The named entries of a list, comma-separated; false when none. */
bool sr_put_list(sr_out *o, const sr_rlist *l);
/* `before` and the days from the first to the last document's (or
 * story's) date, "2024-07-01 to 2024-07-17"; nothing when none is dated. */
void sr_put_date_range(sr_out *o, const sr_rmodel *m, const char *before);
/* The summary sentence. */
void sr_put_summary(sr_out *o, sr_rmodel *m);
/* A story's outlets and its first and last days, each part after `sep`,
 * the days joined by `to`. */
void sr_put_story_outlets_days(sr_out *o, sr_rmodel *m, const sr_rstory *s, const char *sep,
                               const char *to);
/* The measure as words after the figure (NULL for dollars and percent,
 * which the figure's sign says). */
const char *sr_measure_words(const sr_rclaim *c);
/* "153 attacks" with its qualifier. */
void sr_put_figure(sr_out *o, const sr_rclaim *c);
/* The claim's context: actor, places, period, "per source", each after `sep`. */
void sr_put_claim_context(sr_out *o, const sr_rclaim *c, const char *sep);
/* "4 outlets", or "outlets unknown" when the record does not say. */
void sr_put_outlets(sr_out *o, const sr_rclaim *c);
/* A claim in one line: its figure, `after_figure` (markup), its context
 * and its outlets, each part after `sep`. */
void sr_put_claim_line(sr_out *o, const sr_rclaim *c, const char *after_figure, const char *sep);
/* "at least 12 killed" (`what`); false when the record holds no toll. */
bool sr_put_toll(sr_out *o, const sr_rvalue *toll, const char *what);
/* "Idlib (Idlib, SY)": the name, then admin1 and the country if known. */
void sr_put_location(sr_out *o, const sr_rlocation *loc);
/* An event after its date: " — type — place — actors — tolls", the tolls
 * between toll_open and toll_close (markup). */
void sr_put_event_body(sr_out *o, const sr_revent *e, const char *toll_open, const char *toll_close);
/* "Battles: Armed clash". */
void sr_put_event_type(sr_out *o, const sr_revent *e);
/* "2024-01-21..2024-01-31 (month)", or "undated". */
void sr_put_event_date(sr_out *o, const sr_revent *e);
/* "attacks — Islamic State — Syria, Iraq": what a trend follows. */
void sr_put_trend_title(sr_out *o, const sr_rtrend *t, const char *sep);
/* A point of a trend: its period (or `unknown`), `between` (markup), its
 * value. */
void sr_put_point(sr_out *o, const sr_rpoint *p, const char *unknown, const char *between);
/* A trend's projection: its period (or `unknown`), ": ", its value
 * between value_open and value_close (markup), " (its basis)". */
void sr_put_projection(sr_out *o, const sr_rtrend *t, const char *unknown, const char *value_open,
                       const char *value_close);
/* A number, or "?" when the record holds none. */
void sr_put_number(sr_out *o, sr_rnum v);
/* A trend's check: "“is expected to double”: confirmed". */
void sr_put_check(sr_out *o, const sr_rtrend *t);

/* ---- the report: its sections in order, each format's markup ---- */

enum { SR_SEC_STORIES, SR_SEC_CLAIMS, SR_SEC_CONFLICTS, SR_SEC_UPDATES, SR_SEC_EVENTS, SR_SEC_TRENDS, SR_NSECTIONS };

typedef struct sr_section {
    const char *anchor, *title, *empty;
} sr_section;

extern const sr_section sr_sections[SR_NSECTIONS];

/* What a format writes around the report's parts (render_md.c,
 * render_html.c).  sr_report_write calls them in the report's order: head;
 * for each section open, then empty (no items) or before and each item;
 * then close; foot.  A part that cannot be written sets o->status. */
typedef struct sr_markup {
    sr_esc esc;
    void (*head)(sr_out *o, sr_rmodel *m);
    void (*open)(sr_out *o, const sr_section *s);
    void (*empty)(sr_out *o, const sr_section *s);
    void (*before)(sr_out *o, sr_rmodel *m, int section);
    void (*story)(sr_out *o, sr_rmodel *m, const sr_rstory *s);
    void (*claim)(sr_out *o, sr_rmodel *m, const sr_rclaim *c);
    void (*conflict)(sr_out *o, sr_rmodel *m, const sr_rconflict *k);
    void (*event)(sr_out *o, sr_rmodel *m, const sr_revent *e);
    void (*trend)(sr_out *o, sr_rmodel *m, const sr_rtrend *t);
    void (*close)(sr_out *o, sr_rmodel *m, int section, size_t items);
    void (*foot)(sr_out *o, sr_rmodel *m);
} sr_markup;

/* The report of model m in the format `mk` describes. */
sitrep_status sr_report_write(sr_rmodel *m, const sr_markup *mk, sitrep_write_fn write, void *ctx);

/* The formats: render_md.c, render_html.c. */
extern const sr_markup sr_md_markup, sr_html_markup;

#endif
