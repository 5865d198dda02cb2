/*
 * render_html.c -- the situation report as one self-contained HTML page
 * (sr_render_html, render.h) from the report's model (model.h): the
 * sections of the Markdown report, with every quote of every figure, a
 * timeline and a map of the events (render_map.c) and a chart per trend,
 * all inline SVG (no network: styles inline).  The phrases are phrase.c's;
 * every record string is escaped wherever it goes, text or attribute, and
 * only http(s) URLs become links.
 */
#include "report/phrase.h"
#include "report/render.h"

#include "core/dates.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char STYLE[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
    "color:#1d232a;background:#fbfbfa;margin:0 auto;max-width:68rem;padding:1rem 1.5rem 3rem}"
    "h1{font-size:1.6rem;margin:.6rem 0 .2rem}h2{font-size:1.25rem;border-bottom:2px solid #d5d8dc;"
    "padding-bottom:.2rem;margin-top:2.2rem}h3{font-size:1.02rem;margin:.2rem 0}"
    "nav a{margin-right:1rem}a{color:#1f5f99}.summary{color:#3b4450}"
    "article{background:#fff;border:1px solid #e1e4e8;border-radius:4px;padding:.6rem .9rem;"
    "margin:.6rem 0}.meta,.docs,.note,.empty,cite,.bytes{color:#59636e;font-size:.9rem}"
    ".docs{margin:.3rem 0 0;padding-left:1.2rem}.doc-id,.rid{font-family:ui-monospace,Menlo,"
    "Consolas,monospace;font-size:.82rem;color:#59636e}"
    ".value{font-variant-numeric:tabular-nums}.status{display:inline-block;padding:0 .45rem;"
    "border-radius:3px;font-size:.8rem;background:#eceff1;color:#37474f}"
    ".status.corroborated{background:#e3f1e5;color:#1e5a2a}.status.contested{background:#fbe7d6;"
    "color:#8a3b00}.outlets{font-weight:600}details{margin-top:.35rem}summary{cursor:pointer;"
    "color:#1f5f99;font-size:.9rem}blockquote{margin:.35rem 0 .1rem;padding:.1rem .7rem;"
    "border-left:3px solid #c9d1d9;color:#2f363d}ol.quotes{padding-left:1.3rem}"
    ".conflict{border-left:4px solid #c76b1f}.reason{font-weight:600}"
    "ol.events{padding-left:1.4rem}li.event{margin:.45rem 0}li.event:target,article:target"
    "{outline:2px solid #f0b429}.toll{color:#8b1a1a;font-weight:600}"
    "svg{display:block;max-width:100%;height:auto;margin:.6rem 0;font:11px system-ui,sans-serif}"
    ".map .sea{fill:#eef3f7}.map .country{fill:#e2e0d8;stroke:#9a978d;stroke-width:.5;"
    "fill-rule:evenodd}.map .graticule{fill:none;stroke:#d3dde6;stroke-width:.5}"
    ".map .dot{fill:#c0392b;fill-opacity:.85;stroke:#fff;stroke-width:1}.map .note{fill:#59636e}"
    ".timeline .lane{fill:#f3f4f6}.timeline .tick{stroke:#c9ced4}.timeline text{fill:#3b4450}"
    ".timeline rect.ev{fill-opacity:.8}.t0{fill:#b03a2e}.t1{fill:#d68910}.t2{fill:#7d3c98}"
    ".t3{fill:#2874a6}.t4{fill:#1e8449}.t5{fill:#566573}.t6{fill:#839192}"
    ".trend-chart .bar{fill:#3b6e99}.trend-chart .projection{fill:#dbe7f1;stroke:#3b6e99;"
    "stroke-width:1.5;stroke-dasharray:5 3}.trend-chart .grid{stroke:#e1e4e8}"
    ".trend-chart text{fill:#3b4450}.trend-chart text.verdict{font-weight:600}.verdict{font-weight:600}.verdict.confirmed{color:#1e5a2a}"
    ".verdict.contradicted{color:#8a3b00}table{border-collapse:collapse;font-size:.9rem}"
    "td,th{border-bottom:1px solid #e1e4e8;padding:.15rem .6rem;text-align:left}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}footer{margin-top:2.5rem;"
    "color:#59636e;font-size:.85rem}";

#define DASH " \xE2\x80\x94 "
#define DOT " \xC2\xB7 "

/* True when s is a short lower-case word, safe to use as a class name. */
static bool is_word(const char *s)
{
    if (s == NULL || *s == '\0')
        return false;
    size_t i = 0;
    for (; s[i]; i++)
        if (i >= 32 || !((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
            return false;
    return true;
}

/* prefix and the word, when it is one (a class name from a record). */
static void put_class_word(sr_out *o, const char *prefix, const char *word)
{
    if (is_word(word)) {
        sr_out_raw(o, prefix);
        sr_out_raw(o, word); /* a checked lower-case word */
    }
}

/* An attribute pair id="prefix-ID" (the id escaped like any text). */
static void put_anchor(sr_out *o, const char *prefix, const char *id)
{
    sr_out_raw(o, " id=\"");
    sr_out_raw(o, prefix);
    sr_out_text(o, id);
    sr_out_raw(o, "\"");
}

/* <a href="#prefix-ID">label</a>, label escaped. */
static void put_link(sr_out *o, const char *prefix, const char *id, const char *label)
{
    sr_out_raw(o, "<a href=\"#");
    sr_out_raw(o, prefix);
    sr_out_text(o, id);
    sr_out_raw(o, "\">");
    sr_out_text(o, label);
    sr_out_raw(o, "</a>");
}

/* Every quote of a record's sources, folded in a <details>. */
static void html_quotes(sr_out *o, const sr_rsources *sources, size_t ndocuments)
{
    size_t n = sources->n;
    if (n == 0)
        return;
    sr_out_rawf(o, "<details class=\"quotes\"><summary>%zu %s", n, sr_plural(n, "quote", "quotes"));
    if (ndocuments)
        sr_out_rawf(o, " from %zu %s", ndocuments, sr_plural(ndocuments, "document", "documents"));
    sr_out_raw(o, "</summary>\n<ol class=\"quotes\">\n");
    for (size_t i = 0; i < n; i++) {
        const sr_rsource *sp = &sources->v[i];
        sr_out_raw(o, "<li><blockquote>");
        sr_out_quote(o, sp->quote ? sp->quote : "(no quote)", 0);
        sr_out_raw(o, "</blockquote><cite>");
        if (sp->doc)
            put_link(o, "doc-", sp->doc, sp->doc);
        if (sp->start.set && sp->end.set)
            sr_out_rawf(o, " <span class=\"bytes\">bytes %.0f\xE2\x80\x93%.0f</span>", sp->start.v, sp->end.v);
        sr_out_raw(o, "</cite></li>\n");
    }
    sr_out_raw(o, "</ol></details>\n");
}

static void html_head(sr_out *o, sr_rmodel *m)
{
    sr_out_raw(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>Situation report");
    sr_put_date_range(o, m, ", ");
    sr_out_raw(o, "</title>\n<style>");
    sr_out_raw(o, STYLE);
    sr_out_raw(o, "</style>\n</head>\n<body>\n<header>\n<h1>Situation report</h1>\n<p class=\"summary\">");
    sr_put_summary(o, m);
    sr_out_raw(o, "</p>\n<nav>");
    for (int k = 0; k < SR_NSECTIONS; k++)
        sr_out_rawf(o, "<a href=\"#%s\">%s</a>", sr_sections[k].anchor, sr_sections[k].title);
    sr_out_raw(o, "</nav>\n</header>\n<main>\n");
}

static void html_open(sr_out *o, const sr_section *s)
{
    sr_out_rawf(o, "<section id=\"%s\">\n<h2>%s</h2>\n", s->anchor, s->title);
}

static void html_empty(sr_out *o, const sr_section *s)
{
    sr_out_rawf(o, "<p class=\"empty\">%s</p>\n", s->empty);
}

/* One document of a story: id, title, outlet, date, byline, link. */
static void html_doc(sr_out *o, const sr_rdoc *d, const char *id)
{
    sr_out_raw(o, "<li");
    put_anchor(o, "doc-", id);
    sr_out_raw(o, "><span class=\"doc-id\">");
    sr_out_text(o, id);
    sr_out_raw(o, "</span> ");
    if (d == NULL) {
        sr_out_raw(o, "(no document record)</li>\n");
        return;
    }
    sr_out_text(o, d->title ? d->title : "(untitled)");
    if (d->outlet) {
        sr_out_raw(o, DASH);
        sr_out_text(o, d->outlet);
    }
    if (d->published) {
        sr_out_raw(o, DASH);
        sr_out_text(o, d->published);
    } else if (d->published_inferred) {
        sr_out_raw(o, DASH "about ");
        sr_out_text(o, d->published_inferred);
    }
    if (d->byline.n) {
        sr_out_raw(o, DASH "by ");
        sr_put_list(o, &d->byline);
    }
    const char *url = d->url;
    if (url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
        sr_out_raw(o, DASH "<a rel=\"noreferrer\" href=\"");
        sr_out_text(o, url); /* only http(s): a javascript: URL never becomes a link */
        sr_out_raw(o, "\">link</a>");
    }
    if (d->duplicate_of) {
        sr_out_raw(o, DASH "copy of ");
        sr_out_text(o, d->duplicate_of);
    }
    sr_out_raw(o, "</li>\n");
}

static void html_story(sr_out *o, sr_rmodel *m, const sr_rstory *s)
{
    size_t nd = s->documents.n;
    sr_out_raw(o, "<article class=\"story\"");
    put_anchor(o, "story-", s->id);
    sr_out_raw(o, ">\n<h3>");
    sr_out_text(o, s->title ? s->title : "(untitled story)");
    sr_out_rawf(o, "</h3>\n<p class=\"meta\">%zu %s", nd, sr_plural(nd, "article", "articles"));
    sr_put_story_outlets_days(o, m, s, DOT, " to ");
    sr_out_raw(o, DOT "<span class=\"rid\">");
    sr_out_text(o, s->id);
    sr_out_raw(o, "</span></p>\n<ul class=\"docs\">\n");
    for (size_t i = 0; i < nd; i++) {
        const char *id = s->documents.v[i];
        if (id)
            html_doc(o, sr_rmodel_doc(m, id), id);
    }
    sr_out_raw(o, "</ul>\n</article>\n");
}

/* The documents no story holds still get their entry: quotes link there. */
static void html_outside(sr_out *o, sr_rmodel *m)
{
    bool open = false;
    for (size_t i = 0; i < m->ndocs; i++) {
        const sr_rdoc *d = &m->docs[i];
        const sr_rstory *s = sr_rmodel_story(m, d->story);
        bool listed = false;
        for (size_t k = 0; s && k < s->documents.n && !listed; k++)
            listed = s->documents.v[k] && strcmp(s->documents.v[k], d->id) == 0;
        if (listed)
            continue;
        if (!open)
            sr_out_raw(o, "<article class=\"story\">\n<h3>Documents outside the stories</h3>\n"
                          "<ul class=\"docs\">\n");
        open = true;
        html_doc(o, d, d->id);
    }
    if (open)
        sr_out_raw(o, "</ul>\n</article>\n");
}

/* The status of a claim as a badge. */
static void put_status(sr_out *o, const char *status)
{
    if (status == NULL)
        return;
    sr_out_raw(o, " <span class=\"status");
    put_class_word(o, " ", status);
    sr_out_raw(o, "\">");
    sr_out_text(o, status);
    sr_out_raw(o, "</span>");
}

/* One key figure: the figure, its outlets and status on the heading line,
 * what it covers and who says it below, then every quote. */
static void html_claim(sr_out *o, sr_rmodel *m, const sr_rclaim *c)
{
    const char *status = c->status;
    sr_out_raw(o, "<article class=\"claim");
    put_class_word(o, " status-", status);
    sr_out_raw(o, "\"");
    put_anchor(o, "claim-", c->id);
    char v[128];
    sr_fmt_value(v, sizeof v, &c->value, c->measure);
    sr_out_raw(o, ">\n<h3><span class=\"value\">");
    sr_out_raw(o, v);
    sr_out_raw(o, "</span>");
    if (sr_measure_words(c)) {
        sr_out_raw(o, " <span class=\"measure\">");
        sr_out_text(o, sr_measure_words(c));
        sr_out_raw(o, "</span>");
    }
    sr_out_raw(o, DOT "<span class=\"outlets\">");
    sr_put_outlets(o, c);
    sr_out_raw(o, "</span>");
    put_status(o, status);
    sr_out_raw(o, "</h3>\n<p class=\"meta\">");
    if (c->actor) {
        sr_out_raw(o, "<span class=\"actor\">");
        sr_out_text(o, c->actor);
        sr_out_raw(o, "</span>" DOT);
    }
    if (c->places.n) {
        sr_out_raw(o, "<span class=\"places\">");
        if (!sr_put_list(o, &c->places))
            sr_out_raw(o, "places unknown");
        sr_out_raw(o, "</span>" DOT);
    }
    if (c->period.start || c->period.end) {
        sr_out_raw(o, "<span class=\"period\">");
        sr_put_period(o, &c->period);
        sr_out_raw(o, "</span>" DOT);
    }
    sr_out_raw(o, "<span class=\"source\">");
    if (c->attributed_to) {
        sr_out_raw(o, "per ");
        sr_out_text(o, c->attributed_to);
    } else {
        sr_out_raw(o, "source not named");
    }
    sr_out_raw(o, "</span>" DOT "<span class=\"rid\">");
    sr_out_text(o, c->id);
    sr_out_raw(o, "</span>");
    const sr_rconflict *k = sr_rmodel_conflict_of(m, c->id);
    if (k) {
        sr_out_raw(o, DASH);
        put_link(o, "conflict-", k->id, "see the conflict");
    }
    sr_out_raw(o, "</p>\n");
    html_quotes(o, &c->sources, c->ndocuments);
    sr_out_raw(o, "</article>\n");
}

static void html_conflict(sr_out *o, sr_rmodel *m, const sr_rconflict *k)
{
    sr_out_raw(o, "<article class=\"conflict\"");
    put_anchor(o, "conflict-", k->id);
    sr_out_raw(o, ">\n<p class=\"reason\">");
    sr_out_text(o, k->reason ? k->reason : "(no reason given)");
    sr_out_raw(o, "</p>\n<ul>\n");
    for (size_t j = 0; j < k->claims.n; j++) {
        const char *id = k->claims.v[j];
        if (id == NULL)
            continue;
        const sr_rclaim *c = sr_rmodel_claim(m, id);
        sr_out_raw(o, "<li>");
        if (c == NULL) {
            sr_out_text(o, id);
            sr_out_raw(o, " (not among the figures)</li>\n");
            continue;
        }
        sr_out_raw(o, "<a href=\"#claim-");
        sr_out_text(o, id);
        sr_out_raw(o, "\">");
        sr_put_claim_line(o, c, "</a>", DOT);
        sr_out_raw(o, "</li>\n");
    }
    for (size_t j = 0; j < k->events.n; j++) {
        const char *id = k->events.v[j];
        if (id) {
            sr_out_raw(o, "<li>event ");
            put_link(o, "event-", id, id);
            sr_out_raw(o, "</li>\n");
        }
    }
    sr_out_raw(o, "</ul>\n<p class=\"meta rid\">");
    sr_out_text(o, k->id);
    sr_out_raw(o, "</p>\n</article>\n");
}

/* ---- the timeline ---- */

static const char *const EVENT_TYPES[] = {
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
    "Riots", "Strategic developments", "Other",
};
#define NTYPES 7

static int type_lane(const sr_revent *e)
{
    const char *t = e->event_type;
    for (int k = 0; t && k < NTYPES - 1; k++)
        if (strcmp(t, EVENT_TYPES[k]) == 0)
            return k;
    return NTYPES - 1;
}

/* The days an event covers, [*a, *b] inclusive; false when undated. */
static bool event_days(const sr_revent *e, long *a, long *b)
{
    bool ha = sr_rparse_day(e->date.start, a), hb = sr_rparse_day(e->date.end, b);
    if (!ha && !hb)
        return false;
    if (!ha)
        *a = *b;
    if (!hb || *b < *a)
        *b = *a;
    return true;
}

typedef struct axis {
    long d0, d1;      /* the first and the day after the last shown */
    double x0, width; /* pixels */
} axis;

static double ax(const axis *a, long day)
{
    return a->x0 + (double)(day - a->d0) / (double)(a->d1 - a->d0) * a->width;
}

static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* One tick of the timeline: a line at x and its label. */
static void put_tick(sr_out *o, double x, int top, int bottom, const char *label)
{
    sr_out_rawf(o, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                   "<text x=\"%.1f\" y=\"%d\">%s</text>\n", x, top, x, bottom, x + 3, bottom + 12, label);
}

/* Tick marks and labels: years, months or days, ten labels at the most. */
static void put_ticks(sr_out *o, const axis *a, int top, int bottom)
{
    long span = a->d1 - a->d0;
    sr_date first = sr_date_from_days(a->d0);
    char label[32];
    if (span > 3 * 365) {
        sr_date end = sr_date_from_days(a->d1);
        long every = (end.year - first.year) / 10 + 1;
        for (long yy = first.year + 1; yy <= end.year; yy++) {
            long day = sr_date_to_days(&(sr_date){(int)yy, 1, 1});
            if (day >= a->d1 || yy % every)
                continue;
            snprintf(label, sizeof label, "%ld", yy);
            put_tick(o, ax(a, day), top, bottom, label);
        }
    } else if (span > 62) {
        long months = span / 30 + 1, every = months / 10 + 1, k = 0;
        for (long yy = first.year, mm = first.month;; k++) {
            if (++mm > 12)
                mm = 1, yy++;
            long day = sr_date_to_days(&(sr_date){(int)yy, (int)mm, 1});
            if (day >= a->d1)
                break;
            if (k % every)
                continue;
            snprintf(label, sizeof label, "%s %ld", MONTHS[mm - 1], yy);
            put_tick(o, ax(a, day), top, bottom, label);
        }
    } else {
        long every = span / 8 + 1;
        for (long day = a->d0 + 1; day < a->d1; day++) {
            if ((day - a->d0) % every)
                continue;
            sr_date d = sr_date_from_days(day);
            snprintf(label, sizeof label, "%d %s", d.day, MONTHS[d.month - 1]);
            put_tick(o, ax(a, day), top, bottom, label);
        }
    }
}

/* What an event is, in a line: date, type and place. */
static void put_event_line(sr_out *o, const sr_revent *e)
{
    sr_put_event_date(o, e);
    sr_out_raw(o, DASH);
    sr_put_event_type(o, e);
    sr_out_raw(o, DASH);
    sr_put_location(o, &e->location);
}

/* One event on the timeline: a bar over its days, linking to its entry. */
static void put_timeline_event(sr_out *o, const axis *a, const sr_revent *e, long s, long t, int y)
{
    double x = ax(a, s), w = ax(a, t + 1) - x;
    if (w < 4)
        x -= (4 - w) / 2, w = 4; /* a day is still visible */
    sr_out_raw(o, "<a href=\"#event-");
    sr_out_text(o, e->id);
    sr_out_rawf(o, "\"><rect class=\"ev t%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"2\">"
                   "<title>", type_lane(e), x, y, w);
    put_event_line(o, e);
    sr_out_raw(o, "</title></rect></a>\n");
}

static void html_timeline(sr_out *o, sr_rmodel *m)
{
    long d0 = 0, d1 = 0, s, t;
    size_t dated = 0;
    bool lane_used[NTYPES] = {false};
    for (size_t i = 0; i < m->nevents; i++)
        if (event_days(m->events[i], &s, &t)) {
            d0 = dated == 0 || s < d0 ? s : d0;
            d1 = dated == 0 || t > d1 ? t : d1;
            lane_used[type_lane(m->events[i])] = true;
            dated++;
        }
    if (dated == 0) {
        sr_out_raw(o, "<p class=\"note\">No event has a date: no timeline.</p>\n");
        return;
    }
    int lane_y[NTYPES], nlanes = 0;
    for (int k = 0; k < NTYPES; k++)
        lane_y[k] = lane_used[k] ? 8 + 24 * nlanes++ : -1;
    long pad = (d1 - d0) / 30 + 3;
    axis a = {d0 - pad, d1 + 1 + pad, 190.0, 960.0 - 190.0 - 12.0};
    int bottom = 8 + 24 * nlanes, height = bottom + 22;
    sr_out_rawf(o, "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 %d\" "
                   "width=\"960\" height=\"%d\" role=\"img\" aria-label=\"Timeline of %zu dated events\">\n",
                height, height, dated);
    for (int k = 0; k < NTYPES; k++)
        if (lane_y[k] >= 0)
            sr_out_rawf(o, "<rect class=\"lane\" x=\"0\" y=\"%d\" width=\"960\" height=\"20\"/>"
                           "<text x=\"4\" y=\"%d\">%s</text>\n", lane_y[k] - 3, lane_y[k] + 11, EVENT_TYPES[k]);
    put_ticks(o, &a, 4, bottom);
    for (size_t i = 0; i < m->nevents; i++)
        if (event_days(m->events[i], &s, &t))
            put_timeline_event(o, &a, m->events[i], s, t, lane_y[type_lane(m->events[i])]);
    sr_out_raw(o, "</svg>\n");
    if (dated < m->nevents)
        sr_out_rawf(o, "<p class=\"note\">%zu %s without a date %s not on the timeline.</p>\n",
                    m->nevents - dated, sr_plural(m->nevents - dated, "event", "events"),
                    sr_plural(m->nevents - dated, "is", "are"));
}

/* ---- the map ---- */

/* s1 s2 s3 joined in the arena; NULL when out of memory. */
static char *join3(sr_arena *ar, const char *s1, const char *s2, const char *s3)
{
    size_t a = strlen(s1), b = strlen(s2), c = strlen(s3);
    char *p = sr_arena_alloc(ar, a + b + c + 1);
    if (p) {
        memcpy(p, s1, a);
        memcpy(p + a, s2, b);
        memcpy(p + a + b, s3, c + 1);
    }
    return p;
}

/* The map's dots: every event with coordinates, its label and link made
 * in the arena.  Returns how many, or (size_t)-1 when out of memory. */
static size_t map_points(sr_rmodel *m, sr_arena *ar, sr_map_point *pts)
{
    size_t k = 0;
    for (size_t i = 0; i < m->nevents; i++) {
        const sr_revent *e = m->events[i];
        const sr_rlocation *loc = &e->location;
        if (!loc->lat.set || !loc->lon.set || fabs(loc->lat.v) > 90 || fabs(loc->lon.v) > 180)
            continue;
        const char *name = loc->name, *date = e->date.start, *type = e->event_type;
        char *head = join3(ar, name ? name : "?", DASH, date ? date : "undated");
        char *label = head ? join3(ar, head, DASH, type ? type : "event") : NULL;
        char *href = join3(ar, "#event-", e->id, "");
        if (label == NULL || href == NULL)
            return (size_t)-1;
        double w = e->fatalities.low.set ? e->fatalities.low.v : 0;
        pts[k++] = (sr_map_point){loc->lat.v, loc->lon.v, label, href, w};
    }
    return k;
}

static sitrep_status html_map(sr_out *o, sr_rmodel *m)
{
    sr_map_point *pts = m->mem->calloc(m->nevents + 1, sizeof *pts);
    if (pts == NULL)
        return SITREP_ENOMEM;
    sr_arena ar;
    sr_arena_init(&ar, m->mem, 4096);
    size_t k = map_points(m, &ar, pts);
    sitrep_status st = SITREP_OK;
    if (k == (size_t)-1) {
        st = SITREP_ENOMEM;
    } else if (k == 0) {
        sr_out_raw(o, "<p class=\"note\">No event has coordinates: no map.</p>\n");
    } else {
        sr_out_flush(o); /* the map writes straight through */
        if (o->status == SITREP_OK)
            st = sr_render_map(pts, k, 960, 540, o->write, o->ctx);
        if (k < m->nevents)
            sr_out_rawf(o, "<p class=\"note\">%zu %s without coordinates %s not on the map.</p>\n",
                        m->nevents - k, sr_plural(m->nevents - k, "event", "events"),
                        sr_plural(m->nevents - k, "is", "are"));
    }
    sr_arena_free(&ar);
    m->mem->free(pts);
    return st;
}

static void html_event(sr_out *o, sr_rmodel *m, const sr_revent *e)
{
    (void)m;
    sr_out_raw(o, "<li class=\"event\"");
    put_anchor(o, "event-", e->id);
    sr_out_raw(o, "><strong>");
    sr_put_event_date(o, e);
    sr_out_raw(o, "</strong>");
    sr_put_event_body(o, e, DASH "<span class=\"toll\">", "</span>");
    sr_out_raw(o, " <span class=\"rid\">");
    sr_out_text(o, e->id);
    sr_out_raw(o, "</span>\n");
    html_quotes(o, &e->sources, e->ndocuments);
    sr_out_raw(o, "</li>\n");
}

/* Before the events: the timeline and the map, then their list opens. */
static void html_before(sr_out *o, sr_rmodel *m, int section)
{
    if (section != SR_SEC_EVENTS)
        return;
    html_timeline(o, m);
    sitrep_status st = html_map(o, m);
    if (st != SITREP_OK && o->status == SITREP_OK)
        o->status = st;
    sr_out_raw(o, "<ol class=\"events\">\n");
}

static void html_close(sr_out *o, sr_rmodel *m, int section, size_t items)
{
    if (section == SR_SEC_STORIES)
        html_outside(o, m);
    if (section == SR_SEC_EVENTS && items)
        sr_out_raw(o, "</ol>\n");
    sr_out_raw(o, "</section>\n");
}

/* ---- trends ---- */

/* A short label for a period: "2023", "Jan–Jun 2024", "2024-01-01..07-17". */
static void period_label(char *buf, size_t size, const sr_rperiod *period)
{
    long a, b;
    const char *sa = period->start, *sb = period->end;
    if (!sr_rparse_day(sa, &a) || !sr_rparse_day(sb, &b) || strlen(sa) < 10 || strlen(sb) < 10) {
        snprintf(buf, size, "?");
        return;
    }
    sr_date x = sr_date_from_days(a), y = sr_date_from_days(b);
    sr_date next = sr_date_from_days(b + 1); /* the day after: is b a month's last? */
    if (x.day == 1 && next.day == 1 && x.year == y.year) {
        if (x.month == 1 && y.month == 12)
            snprintf(buf, size, "%d", x.year);
        else if (x.month == y.month)
            snprintf(buf, size, "%s %d", MONTHS[x.month - 1], x.year);
        else
            snprintf(buf, size, "%s\xE2\x80\x93%s %d", MONTHS[x.month - 1], MONTHS[y.month - 1], x.year);
    } else if (x.year == y.year) {
        snprintf(buf, size, "%d-%02d-%02d..%02d-%02d", x.year, x.month, x.day, y.month, y.day);
    } else {
        snprintf(buf, size, "%d-%02d-%02d..%d-%02d-%02d", x.year, x.month, x.day, y.year, y.month, y.day);
    }
}

/* A round number at or above v for the top of a chart's scale. */
static double nice_ceil(double v)
{
    if (!(v > 0))
        return 1;
    double p = pow(10, floor(log10(v)));
    static const double steps[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (steps[i] * p >= v)
            return steps[i] * p;
    return 10 * p;
}

/* One bar of a trend chart with its value above and its period below. */
static void put_bar(sr_out *o, double x, double w, double top, double base, double v,
                    const char *period, bool projection)
{
    char val[40];
    sr_fmt_num(val, sizeof val, v);
    sr_out_rawf(o, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
                projection ? "bar projection" : "bar", x, top, w, base - top);
    sr_out_raw(o, projection ? "projected, " : "");
    sr_out_text(o, period);
    sr_out_raw(o, ": ");
    sr_out_raw(o, val);
    sr_out_rawf(o, "</title></rect>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + w / 2,
                top - 4);
    sr_out_raw(o, val);
    sr_out_rawf(o, "</text>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + w / 2, base + 14);
    sr_out_text(o, period);
    sr_out_raw(o, "</text>\n");
    if (projection)
        sr_out_rawf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">projected</text>\n", x + w / 2,
                    base + 27);
}

static void html_trend_chart(sr_out *o, const sr_rtrend *t)
{
    bool has_proj = t->projection.value.set;
    double pv = has_proj ? t->projection.value.v : 0;
    size_t n = t->npoints, bars = n + has_proj;
    double vmax = has_proj ? pv : 0;
    for (size_t i = 0; i < n; i++)
        if (t->points[i].value.set)
            vmax = fmax(vmax, t->points[i].value.v);
    if (bars == 0)
        return;
    const double W = 560, H = 250, left = 56, right = 12, top = 36, base = H - 40;
    double ymax = nice_ceil(vmax), slot = (W - left - right) / (double)bars;
    double bw = fmin(slot * 0.6, 90);
    sr_out_rawf(o, "<svg class=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                   "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"Trend chart\">\n",
                W, H, W, H);
    for (int g = 0; g <= 4; g++) { /* the scale: five lines, labelled */
        double gy = base - (base - top) * g / 4.0;
        char lab[40];
        sr_fmt_num(lab, sizeof lab, ymax * g / 4.0);
        sr_out_rawf(o, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>"
                       "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    left, gy, W - right, gy, left - 6, gy + 4, lab);
    }
    char label[64];
    for (size_t i = 0; i < n; i++) {
        const sr_rpoint *p = &t->points[i];
        if (!p->value.set)
            continue;
        period_label(label, sizeof label, &p->period);
        double x = left + slot * (double)i + (slot - bw) / 2;
        put_bar(o, x, bw, base - (base - top) * fmax(p->value.v, 0) / ymax, base, p->value.v, label, false);
    }
    if (has_proj) {
        period_label(label, sizeof label, &t->projection.period);
        double x = left + slot * (double)n + (slot - bw) / 2;
        put_bar(o, x, bw, base - (base - top) * fmax(pv, 0) / ymax, base, pv, label, true);
    }
    if (t->has_check) { /* the verdict over the chart, cut to fit */
        sr_out_raw(o, "<text class=\"verdict\" x=\"4\" y=\"14\">");
        sr_out_raw(o, "\xE2\x80\x9C");
        sr_out_text_short(o, t->statement ? t->statement : "?", 60);
        sr_out_raw(o, "\xE2\x80\x9D: ");
        sr_out_text_short(o, t->verdict ? t->verdict : "no verdict", 30);
        sr_out_raw(o, "</text>\n");
    }
    sr_out_raw(o, "</svg>\n");
}

static void html_trend(sr_out *o, sr_rmodel *m, const sr_rtrend *t)
{
    (void)m;
    sr_out_raw(o, "<article class=\"trend\"");
    put_anchor(o, "trend-", t->id);
    sr_out_raw(o, ">\n<h3>");
    sr_put_trend_title(o, t, DOT);
    sr_out_raw(o, "</h3>\n");
    html_trend_chart(o, t);
    sr_out_raw(o, "<table><tr><th>period</th><th>value</th><th>figure</th></tr>\n");
    for (size_t k = 0; k < t->npoints; k++) {
        const sr_rpoint *p = &t->points[k];
        sr_out_raw(o, "<tr><td>");
        sr_put_point(o, p, "?", "</td><td class=\"num\">");
        sr_out_raw(o, "</td><td>");
        if (p->claim)
            put_link(o, "claim-", p->claim, p->claim);
        sr_out_raw(o, "</td></tr>\n");
    }
    sr_out_raw(o, "</table>\n");
    if (t->has_projection) {
        sr_out_raw(o, "<p class=\"projection\">Projection for ");
        sr_put_projection(o, t, "an unknown period", "<strong>", "</strong>");
        if (t->ratio.set)
            sr_out_rawf(o, "; %.2f times the previous period", t->ratio.v);
        sr_out_raw(o, ".</p>\n");
    }
    if (t->has_check) {
        sr_out_raw(o, "<p class=\"verdict");
        put_class_word(o, " ", t->verdict);
        sr_out_raw(o, "\">Check: ");
        sr_put_check(o, t);
        if (t->check_doc) {
            sr_out_raw(o, " (");
            put_link(o, "doc-", t->check_doc, t->check_doc);
            sr_out_raw(o, ")");
        }
        sr_out_raw(o, "</p>\n");
        if (t->check_quote) {
            sr_out_raw(o, "<blockquote>");
            sr_out_quote(o, t->check_quote, 0);
            sr_out_raw(o, "</blockquote>\n");
        }
    }
    sr_out_raw(o, "</article>\n");
}

static void html_foot(sr_out *o, sr_rmodel *m)
{
    sr_out_rawf(o, "</main>\n<footer>Made by sitrep %s from %zu records. Every figure links to the words "
                   "that state it.</footer>\n</body>\n</html>\n", sitrep_version(), m->nrecords);
}

/* The HTML page's markup of the report (sr_report_write). */
const sr_markup sr_html_markup = {
    .esc = SR_ESC_HTML, .head = html_head, .open = html_open, .empty = html_empty, .before = html_before,
    .story = html_story, .claim = html_claim, .conflict = html_conflict, .event = html_event,
    .trend = html_trend, .close = html_close, .foot = html_foot};
