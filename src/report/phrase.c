/*
 * phrase.c -- what the Markdown and the HTML report say alike (phrase.h).
 *
 * Every string of a record is article text or derived from it, so it is
 * untrusted: sr_out_text escapes it for the output's mode (HTML: & < > "
 * ', wherever it goes; Markdown: the characters that would make markup of
 * it), and only the renderers' own literals go out raw.
 */
#include "report/phrase.h"

#include "core/html.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_AT 32768

/* ==== output ==== */

void sr_out_init(sr_out *o, sr_esc mode, sitrep_write_fn write, void *ctx)
{
    *o = (sr_out){.write = write, .ctx = ctx, .status = SITREP_OK, .mode = mode};
    sr_buf_init(&o->buf, sr_mem_or_default(NULL));
}

sitrep_status sr_out_end(sr_out *o)
{
    sr_out_flush(o);
    sr_buf_free(&o->buf);
    return o->status;
}

void sr_out_flush(sr_out *o)
{
    if (o->status == SITREP_OK && o->buf.len > 0 && o->write(o->buf.data, o->buf.len, o->ctx) != 0)
        o->status = SITREP_EIO;
    sr_buf_clear(&o->buf);
}

void sr_out_raw_n(sr_out *o, const char *s, size_t n)
{
    if (o->status != SITREP_OK || n == 0)
        return;
    if (!sr_buf_put(&o->buf, s, n)) {
        o->status = SITREP_ENOMEM;
        return;
    }
    if (o->buf.len >= FLUSH_AT)
        sr_out_flush(o);
}

/* Markup: a literal of this file, never record text. */
void sr_out_raw(sr_out *o, const char *s)
{
    sr_out_raw_n(o, s, strlen(s));
}

/* Markup with numbers.  Never given record strings (they would go out
 * unescaped), so the fixed buffer is enough. */
void sr_out_rawf(sr_out *o, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        sr_out_raw_n(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The replacement of byte c in HTML, or NULL when it stands for itself. */
static const char *html_escape(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

/* Markdown: a backslash before every character that could start markup
 * (CommonMark lets any ASCII punctuation be escaped so; $ starts math in
 * some renderers), but < and > as character references, which every
 * renderer that passes HTML through honours; line breaks and tabs as
 * spaces so a quote stays inside its list item. */
static bool md_special(char c)
{
    return c != '\0' && strchr("\\`*_[]|~&#$", c) != NULL;
}

/* Record text s[0..n), escaped for the output's mode; runs of bytes that
 * need nothing go out whole. */
void sr_out_text_n(sr_out *o, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned char u = (unsigned char)c;
        bool c1 = u == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F;
        if ((u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7F || c1) {
            /* a control character (an article's ESC, BEL, CSI) reaches
             * no terminal and no page */
            sr_out_raw_n(o, s + run, i - run);
            i += c1;
        } else if (o->mode == SR_ESC_HTML) {
            const char *rep = html_escape(c);
            if (rep == NULL)
                continue;
            sr_out_raw_n(o, s + run, i - run);
            sr_out_raw(o, rep);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            sr_out_raw_n(o, s + run, i - run);
            if (i == 0 || (s[i - 1] != '\n' && s[i - 1] != '\r' && s[i - 1] != '\t' &&
                           s[i - 1] != ' '))
                sr_out_raw_n(o, " ", 1);
        } else if (c == '<' || c == '>') {
            sr_out_raw_n(o, s + run, i - run);
            sr_out_raw(o, c == '<' ? "&lt;" : "&gt;");
        } else if (md_special(c)) {
            sr_out_raw_n(o, s + run, i - run);
            char esc[2] = {'\\', c};
            sr_out_raw_n(o, esc, 2);
        } else {
            continue;
        }
        run = i + 1;
    }
    sr_out_raw_n(o, s + run, n - run);
}

void sr_out_text(sr_out *o, const char *s)
{
    if (s)
        sr_out_text_n(o, s, strlen(s));
}

/* Record text cut to about `limit` bytes: at a space when one is near the
 * end, never inside a UTF-8 character, with an ellipsis. */
void sr_out_text_short(sr_out *o, const char *s, size_t limit)
{
    if (s == NULL)
        return;
    size_t n = strlen(s);
    if (n <= limit) {
        sr_out_text_n(o, s, n);
        return;
    }
    size_t cut = limit;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    for (size_t k = cut; k > 0 && cut - k < 40; k--)
        if (s[k] == ' ') {
            cut = k;
            break;
        }
    sr_out_text_n(o, s, cut);
    sr_out_raw(o, "\xE2\x80\xA6"); /* … */
}

/* Does the text hold markup (a web page's quote spans the inline tags of
 * its sentence: "<a href=...>Taliban</a>")? */
static bool has_markup(const char *q)
{
    for (const char *p = strchr(q, '<'); p; p = strchr(p + 1, '<'))
        if ((p[1] >= 'a' && p[1] <= 'z') || (p[1] == '/' && p[2] >= 'a' && p[2] <= 'z'))
            return true;
    return false;
}

/* A quote as a person reads it: a web page's inline tags left out and its
 * character references ("&amp;", "&#8217;") decoded (the record keeps the
 * bytes as the page has them), then shown like any record text, cut to
 * `limit` bytes when limit is not 0. */
void sr_out_quote(sr_out *o, const char *q, size_t limit)
{
    if (q == NULL)
        return;
    sr_buf plain, d;
    sr_buf_init(&plain, NULL);
    sr_buf_init(&d, NULL);
    const char *show = q;
    if (has_markup(q)) {
        bool ok = true;
        for (const char *p = q; *p && ok;) {
            if (*p == '<' && (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z'))) {
                const char *gt = strchr(p, '>');
                if (!gt)
                    break;
                p = gt + 1;
                continue;
            }
            ok = sr_buf_putc(&plain, *p++);
        }
        if (ok && sr_buf_putc(&plain, '\0'))
            show = plain.data;
    }
    if (strchr(show, '&') && sr_html_write_unescaped(show, strlen(show), sr_buf_write_cb, &d) == 0 &&
        sr_buf_putc(&d, '\0'))
        show = d.data;
    if (limit)
        sr_out_text_short(o, show, limit);
    else
        sr_out_text(o, show);
    sr_buf_free(&plain);
    sr_buf_free(&d);
}

/* A number as people write it: 2,500; 307.7; 2.54; 25 million. */
void sr_fmt_num(char *buf, size_t size, double v)
{
    static const struct { double unit; const char *word; } big[] = {
        {1e9, "billion"}, {1e6, "million"},
    };
    for (size_t i = 0; i < sizeof big / sizeof *big; i++)
        if (fabs(v) >= big[i].unit && fabs(v) < big[i].unit * 1000 &&
            fmod(v, big[i].unit / 10) == 0) {
            snprintf(buf, size, "%g %s", v / big[i].unit, big[i].word);
            return;
        }
    if (fabs(v) < 1e15 && v == floor(v)) {
        char digits[32];
        snprintf(digits, sizeof digits, "%.0f", fabs(v));
        size_t nd = strlen(digits), k = 0;
        if (v < 0 && k + 1 < size)
            buf[k++] = '-';
        for (size_t i = 0; i < nd && k + 2 < size; i++) {
            buf[k++] = digits[i];
            if ((nd - i - 1) % 3 == 0 && i + 1 < nd)
                buf[k++] = ',';
        }
        buf[k] = '\0';
        return;
    }
    snprintf(buf, size, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (dot) { /* 307.70 -> 307.7, 2.00 -> 2 */
        char *e = buf + strlen(buf) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
}

/* The words a qualifier puts before a figure ("" for exact and ranges). */
static const char *qualifier_words(const char *q)
{
    static const char *const map[][2] = {
        {"approximately", "about "}, {"more_than", "more than "}, {"at_least", "at least "},
        {"fewer_than", "fewer than "}, {"up_to", "up to "},
    };
    for (size_t i = 0; q && i < sizeof map / sizeof *map; i++)
        if (strcmp(q, map[i][0]) == 0)
            return map[i][1];
    return "";
}

void sr_fmt_value(char *buf, size_t size, const sr_rvalue *v, const char *measure)
{
    const char *pre = "", *post = "";
    if (measure && strcmp(measure, "usd") == 0)
        pre = "$";
    else if (measure && strcmp(measure, "percent") == 0)
        post = "%";
    if (!v->low.set && !v->high.set) {
        snprintf(buf, size, "?");
        return;
    }
    double lo = v->low.set ? v->low.v : v->high.v, hi = v->high.set ? v->high.v : lo;
    char a[40], b[40];
    sr_fmt_num(a, sizeof a, lo);
    sr_fmt_num(b, sizeof b, hi);
    if (lo == hi)
        snprintf(buf, size, "%s%s%s%s", qualifier_words(v->qualifier), pre, a, post);
    else
        snprintf(buf, size, "%s%s%s%s\xE2\x80\x93%s%s%s", qualifier_words(v->qualifier), pre, a, post,
                 pre, b, post);
}

const char *sr_plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ==== phrases ==== */

bool sr_put_period(sr_out *o, const sr_rperiod *p)
{
    const char *a = p->start, *b = p->end;
    if (a == NULL && b == NULL)
        return false;
    sr_out_text(o, a ? a : "?");
    if (b && (a == NULL || strcmp(a, b) != 0)) {
        sr_out_raw(o, "..");
        sr_out_text(o, b);
    }
    return true;
}

bool sr_put_list(sr_out *o, const sr_rlist *l)
{
    bool any = false;
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i] == NULL)
            continue;
        if (any)
            sr_out_raw(o, ", ");
        sr_out_text(o, l->v[i]);
        any = true;
    }
    return any;
}

void sr_put_date_range(sr_out *o, const sr_rmodel *m, const char *before)
{
    const char *first, *last;
    if (!sr_rmodel_date_range(m, &first, &last))
        return;
    sr_out_raw(o, before);
    sr_out_text_n(o, first, strnlen(first, 10));
    if (strncmp(first, last, 10) != 0) {
        sr_out_raw(o, " to ");
        sr_out_text_n(o, last, strnlen(last, 10));
    }
}

void sr_put_summary(sr_out *o, sr_rmodel *m)
{
    size_t noutlets = sr_rmodel_outlets(m, NULL);
    sr_out_rawf(o, "%zu %s from %zu %s in %zu %s", m->ndocs, sr_plural(m->ndocs, "document", "documents"),
                noutlets, sr_plural(noutlets, "named outlet", "named outlets"), m->nstories,
                sr_plural(m->nstories, "story", "stories"));
    sr_put_date_range(o, m, ", dated ");
    sr_out_rawf(o, ". %zu key %s (%zu corroborated, %zu contested), %zu %s, %zu %s, %zu %s.",
                m->nclaims, sr_plural(m->nclaims, "figure", "figures"),
                sr_rmodel_count_status(m, "corroborated"), sr_rmodel_count_status(m, "contested"),
                m->nevents, sr_plural(m->nevents, "event", "events"), m->nconflicts,
                sr_plural(m->nconflicts, "conflict", "conflicts"), m->ntrends,
                sr_plural(m->ntrends, "trend", "trends"));
}

void sr_put_story_outlets_days(sr_out *o, sr_rmodel *m, const sr_rstory *s, const char *sep,
                               const char *to)
{
    size_t nout = sr_rmodel_outlets(m, &s->documents);
    sr_out_raw(o, sep);
    for (size_t k = 0; k < nout; k++) {
        if (k)
            sr_out_raw(o, ", ");
        sr_out_text(o, m->scratch[k]);
    }
    if (nout == 0)
        sr_out_raw(o, "outlet unknown");
    const char *a = s->first_seen, *b = s->last_seen;
    if (a || b) {
        sr_out_raw(o, sep);
        sr_out_text(o, a ? a : "?");
        if (b && (a == NULL || strcmp(a, b) != 0)) {
            sr_out_raw(o, to);
            sr_out_text(o, b);
        }
    }
}

const char *sr_measure_words(const sr_rclaim *c)
{
    const char *m = c->measure;
    if (m && (strcmp(m, "usd") == 0 || strcmp(m, "percent") == 0))
        return NULL;
    return m;
}

void sr_put_figure(sr_out *o, const sr_rclaim *c)
{
    char v[128];
    sr_fmt_value(v, sizeof v, &c->value, c->measure);
    sr_out_text(o, v); /* "$": the Markdown escapes it */
    if (sr_measure_words(c)) {
        sr_out_raw(o, " ");
        sr_out_text(o, sr_measure_words(c));
    }
}

void sr_put_claim_context(sr_out *o, const sr_rclaim *c, const char *sep)
{
    if (c->actor) {
        sr_out_raw(o, sep);
        sr_out_text(o, c->actor);
    }
    for (size_t i = 0; i < c->places.n; i++)
        if (c->places.v[i]) {
            sr_out_raw(o, sep);
            sr_put_list(o, &c->places);
            break;
        }
    if (c->period.start || c->period.end) {
        sr_out_raw(o, sep);
        sr_put_period(o, &c->period);
    }
    if (c->attributed_to) {
        sr_out_raw(o, sep);
        sr_out_raw(o, "per ");
        sr_out_text(o, c->attributed_to);
    }
}

void sr_put_outlets(sr_out *o, const sr_rclaim *c)
{
    if (!c->outlets.set || c->outlets.v < 0)
        sr_out_raw(o, "outlets unknown");
    else
        sr_out_rawf(o, "%.0f %s", c->outlets.v, c->outlets.v == 1 ? "outlet" : "outlets");
}

void sr_put_claim_line(sr_out *o, const sr_rclaim *c, const char *after_figure, const char *sep)
{
    sr_put_figure(o, c);
    sr_out_raw(o, after_figure);
    sr_put_claim_context(o, c, sep);
    sr_out_raw(o, sep);
    sr_put_outlets(o, c);
}

bool sr_put_toll(sr_out *o, const sr_rvalue *toll, const char *what)
{
    if (!toll->present)
        return false;
    char v[128];
    sr_fmt_value(v, sizeof v, toll, NULL);
    sr_out_raw(o, v);
    sr_out_raw(o, " ");
    sr_out_raw(o, what);
    return true;
}

void sr_put_location(sr_out *o, const sr_rlocation *loc)
{
    const char *name = loc->name, *admin1 = loc->admin1, *cc = loc->country;
    sr_out_text(o, name ? name : "place unknown");
    bool admin = admin1 && (name == NULL || strcmp(admin1, name) != 0);
    if (admin || cc) {
        sr_out_raw(o, " (");
        if (admin)
            sr_out_text(o, admin1);
        if (admin && cc)
            sr_out_raw(o, ", ");
        if (cc)
            sr_out_text(o, cc);
        sr_out_raw(o, ")");
    }
}

void sr_put_event_body(sr_out *o, const sr_revent *e, const char *toll_open, const char *toll_close)
{
    sr_out_raw(o, " \xE2\x80\x94 ");
    sr_put_event_type(o, e);
    sr_out_raw(o, " \xE2\x80\x94 ");
    sr_put_location(o, &e->location);
    if (e->actors.n) {
        sr_out_raw(o, " \xE2\x80\x94 ");
        sr_put_list(o, &e->actors);
    }
    if (e->fatalities.present || e->injured.present) {
        sr_out_raw(o, toll_open);
        bool any = sr_put_toll(o, &e->fatalities, "killed");
        if (e->injured.present) {
            sr_out_raw(o, any ? ", " : "");
            sr_put_toll(o, &e->injured, "injured");
        }
        sr_out_raw(o, toll_close);
    }
}

void sr_put_event_type(sr_out *o, const sr_revent *e)
{
    sr_out_text(o, e->event_type ? e->event_type : "Event");
    if (e->sub_event_type) {
        sr_out_raw(o, ": ");
        sr_out_text(o, e->sub_event_type);
    }
}

void sr_put_event_date(sr_out *o, const sr_revent *e)
{
    if (!sr_put_period(o, &e->date)) {
        sr_out_raw(o, "undated");
        return;
    }
    if (e->precision) {
        sr_out_raw(o, " (");
        sr_out_text(o, e->precision);
        sr_out_raw(o, ")");
    }
}

void sr_put_trend_title(sr_out *o, const sr_rtrend *t, const char *sep)
{
    sr_out_text(o, t->measure ? t->measure : "figure");
    if (t->actor) {
        sr_out_raw(o, sep);
        sr_out_text(o, t->actor);
    }
    if (t->places.n) {
        sr_out_raw(o, sep);
        sr_put_list(o, &t->places);
    }
}

void sr_put_point(sr_out *o, const sr_rpoint *p, const char *unknown, const char *between)
{
    if (!sr_put_period(o, &p->period))
        sr_out_raw(o, unknown);
    sr_out_raw(o, between);
    sr_put_number(o, p->value);
}

void sr_put_projection(sr_out *o, const sr_rtrend *t, const char *unknown, const char *value_open,
                       const char *value_close)
{
    if (!sr_put_period(o, &t->projection.period))
        sr_out_raw(o, unknown);
    sr_out_raw(o, ": ");
    sr_out_raw(o, value_open);
    sr_put_number(o, t->projection.value);
    sr_out_raw(o, value_close);
    if (t->basis) {
        sr_out_raw(o, " (");
        sr_out_text(o, t->basis);
        sr_out_raw(o, ")");
    }
}

void sr_put_number(sr_out *o, sr_rnum v)
{
    char b[40];
    if (v.set) {
        sr_fmt_num(b, sizeof b, v.v);
        sr_out_raw(o, b);
    } else {
        sr_out_raw(o, "?");
    }
}

void sr_put_check(sr_out *o, const sr_rtrend *t)
{
    sr_out_raw(o, "\xE2\x80\x9C");
    sr_out_text(o, t->statement ? t->statement : "?");
    sr_out_raw(o, "\xE2\x80\x9D: ");
    sr_out_text(o, t->verdict ? t->verdict : "no verdict");
}

/* ==== the report ==== */

const sr_section sr_sections[SR_NSECTIONS] = {
    {"stories", "Stories", "No stories."},
    {"claims", "Key figures", "No figures."},
    {"conflicts", "Conflicts", "No conflicts between sources."},
    {"updates", "Revised figures", "No figure revised by a later report."},
    {"events", "Events", "No events."},
    {"trends", "Trends", "No trends."},
};

sitrep_status sr_report_write(sr_rmodel *m, const sr_markup *mk, sitrep_write_fn write, void *ctx)
{
    sr_out o;
    sr_out_init(&o, mk->esc, write, ctx);
    mk->head(&o, m);
    size_t count[SR_NSECTIONS] = {m->nstories, m->nclaims, m->nconflicts, m->nupdates, m->nevents, m->ntrends};
    for (int s = 0; s < SR_NSECTIONS; s++) {
        mk->open(&o, &sr_sections[s]);
        if (count[s] == 0)
            mk->empty(&o, &sr_sections[s]);
        else if (mk->before)
            mk->before(&o, m, s);
        /* the top of a section, and how many more (a period of a large
         * store: sitrep_store_report) */
        size_t shown = m->top && s != SR_SEC_TRENDS && count[s] > m->top ? m->top : count[s];
        for (size_t i = 0; i < shown; i++) {
            switch (s) {
            case SR_SEC_STORIES: mk->story(&o, m, m->stories[i]); break;
            case SR_SEC_CLAIMS: mk->claim(&o, m, m->claims[i]); break;
            case SR_SEC_CONFLICTS: mk->conflict(&o, m, &m->conflicts[i]); break;
            case SR_SEC_UPDATES: mk->conflict(&o, m, &m->updates[i]); break;
            case SR_SEC_EVENTS: mk->event(&o, m, m->events[i]); break;
            default: mk->trend(&o, m, &m->trends[i]); break;
            }
        }
        if (mk->close)
            mk->close(&o, m, s, shown);
        if (shown < count[s]) {
            char more[96];
            snprintf(more, sizeof more, "%zu more %s not shown.", count[s] - shown, sr_sections[s].anchor);
            sr_section rest = sr_sections[s];
            rest.empty = more;
            mk->empty(&o, &rest);
        }
    }
    if (mk->foot)
        mk->foot(&o, m);
    return sr_out_end(&o);
}
