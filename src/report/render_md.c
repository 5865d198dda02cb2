/*
 * render_md.c -- the situation report in Markdown (sr_render_markdown,
 * render.h) from the report's model (model.h): a summary, the stories,
 * the key figures, the conflicts, the events and the trends.  The phrases
 * are phrase.c's, shared with the HTML page; this file puts Markdown
 * around them.
 */
#include "report/phrase.h"
#include "report/render.h"

#include <string.h>

#define QUOTE_SHORT 220 /* bytes of a quote the Markdown shows */
#define DASH " \xE2\x80\x94 "

static void md_head(sr_out *o, sr_rmodel *m)
{
    sr_out_raw(o, "# Situation report\n\n");
    sr_put_summary(o, m);
    sr_out_raw(o, "\n");
}

static void md_open(sr_out *o, const sr_section *s)
{
    sr_out_rawf(o, "\n## %s\n\n", s->title);
}

static void md_empty(sr_out *o, const sr_section *s)
{
    sr_out_raw(o, s->empty);
    sr_out_raw(o, "\n");
}

/* " (ID)" and the end of the item's line. */
static void md_id(sr_out *o, const char *id)
{
    sr_out_raw(o, " (");
    sr_out_text(o, id);
    sr_out_raw(o, ")\n");
}

static void md_story(sr_out *o, sr_rmodel *m, const sr_rstory *s)
{
    sr_out_raw(o, "- **");
    if (s->title)
        sr_out_text(o, s->title);
    else
        sr_out_raw(o, "(untitled)");
    size_t nd = s->documents.n;
    sr_out_rawf(o, "**" DASH "%zu %s", nd, sr_plural(nd, "article", "articles"));
    sr_put_story_outlets_days(o, m, s, DASH, "..");
    md_id(o, s->id);
}

/* The first quote of a record's sources, cut short, with its document. */
static void md_quote(sr_out *o, const sr_rsources *sources)
{
    for (size_t i = 0; i < sources->n; i++) {
        const sr_rsource *sp = &sources->v[i];
        if (sp->quote == NULL)
            continue;
        sr_out_raw(o, "  > \xE2\x80\x9C");
        sr_out_quote(o, sp->quote, QUOTE_SHORT);
        sr_out_raw(o, "\xE2\x80\x9D");
        if (sp->doc) {
            sr_out_raw(o, DASH);
            sr_out_text(o, sp->doc);
        }
        sr_out_raw(o, "\n");
        return;
    }
}

static void md_claim(sr_out *o, sr_rmodel *m, const sr_rclaim *c)
{
    (void)m;
    sr_out_raw(o, "- **");
    sr_put_claim_line(o, c, "**", DASH);
    if (c->status) {
        sr_out_raw(o, " (");
        sr_out_text(o, c->status);
        sr_out_raw(o, ")");
    }
    md_id(o, c->id);
    md_quote(o, &c->sources);
}

static void md_conflict(sr_out *o, sr_rmodel *m, const sr_rconflict *k)
{
    sr_out_raw(o, "- ");
    sr_out_text(o, k->reason ? k->reason : "(no reason given)");
    md_id(o, k->id);
    /* each claim it names: "C1: about 2,500 fighters, per X, 2 outlets" */
    for (size_t j = 0; j < k->claims.n; j++) {
        const char *id = k->claims.v[j];
        if (id == NULL)
            continue;
        sr_out_raw(o, "  - ");
        sr_out_text(o, id);
        const sr_rclaim *c = sr_rmodel_claim(m, id);
        if (c == NULL) {
            sr_out_raw(o, " (not among the figures)\n");
            continue;
        }
        sr_out_raw(o, ": ");
        sr_put_claim_line(o, c, "", ", ");
        sr_out_raw(o, "\n");
    }
    if (k->events.n) {
        sr_out_raw(o, "  - events: ");
        sr_put_list(o, &k->events);
        sr_out_raw(o, "\n");
    }
}

static void md_event(sr_out *o, sr_rmodel *m, const sr_revent *e)
{
    (void)m;
    sr_out_raw(o, "- ");
    sr_put_event_date(o, e);
    sr_put_event_body(o, e, DASH, "");
    md_id(o, e->id);
    md_quote(o, &e->sources);
}

static void md_trend(sr_out *o, sr_rmodel *m, const sr_rtrend *t)
{
    (void)m;
    sr_out_raw(o, "- **");
    sr_put_trend_title(o, t, DASH);
    sr_out_raw(o, "**\n");
    for (size_t k = 0; k < t->npoints; k++) {
        const sr_rpoint *p = &t->points[k];
        sr_out_raw(o, "  - ");
        sr_put_point(o, p, "period unknown", ": ");
        if (p->claim) {
            sr_out_raw(o, " (");
            sr_out_text(o, p->claim);
            sr_out_raw(o, ")");
        }
        sr_out_raw(o, "\n");
    }
    if (t->has_projection) {
        sr_out_raw(o, "  - projection ");
        sr_put_projection(o, t, "(period unknown)", "", "");
        sr_out_raw(o, "\n");
    }
    if (t->ratio.set)
        sr_out_rawf(o, "  - ratio to the previous period: %.2f\n", t->ratio.v);
    if (t->has_check) {
        sr_out_raw(o, "  - check: ");
        sr_put_check(o, t);
        sr_out_raw(o, "\n");
    }
}

/* The Markdown of the report (sr_report_write). */
const sr_markup sr_md_markup = {
    .esc = SR_ESC_MD, .head = md_head, .open = md_open, .empty = md_empty, .story = md_story,
    .claim = md_claim, .conflict = md_conflict, .event = md_event, .trend = md_trend};
