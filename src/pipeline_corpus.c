/*
 * pipeline_corpus.c -- the order of the stages across articles, beside
 * pipeline.c's order within one: an article joins the corpus and is linked
 * to the others (cluster); at the end the stories are made, the articles
 * they date are analysed again against that date, and the claims and
 * events are merged across articles (corroborate).  The records are
 * written after that (report/corpus_json.c), never as a part of it.
 */
#include "corpus/corpus.h"

#include "cluster/rules.h"
#include "core/dates.h"
#include "pipeline.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

sitrep_status sitrep_corpus_add(sitrep_corpus *c, const sitrep_doc *doc)
{
    if (c == NULL || doc == NULL)
        return SITREP_EARG;
    if (c->finished)
        return SITREP_EARG; /* its records are written: nothing joins after */
    /* the document's own record, kept to be written with its story */
    sr_buf rec;
    sr_buf_init(&rec, c->mem);
    sitrep_status st = sitrep_doc_write_json(doc, c->opts.json_flags, sr_buf_write_cb, &rec);
    if (st == SITREP_OK)
        st = sr_corpus_add(c, doc, rec.data, rec.len ? rec.len - 1 : 0); /* no newline */
    sr_buf_free(&rec);
    if (st == SITREP_OK)
        st = sr_cluster_add(c, (uint32_t)(SR_VEC_COUNT(&c->docs, sr_cdoc) - 1), doc);
    /* for a store: the article as the store keeps it (corpus/articles.c) */
    if (st == SITREP_OK && c->keep_articles)
        st = sr_corpus_add_article(c, doc);
    return st;
}

sitrep_status sitrep_corpus_keep_articles(sitrep_corpus *c)
{
    if (c == NULL || c->finished || SR_VEC_COUNT(&c->docs, sr_cdoc) != c->narticles)
        return SITREP_EARG; /* documents added before would have none */
    c->keep_articles = true;
    return SITREP_OK;
}

/* Does the time expression name its month ("July 26", "26 July")?  Such
 * a day is fixed once the year is: unlike "Tuesday", it does not move with
 * the date the text is read against. */
static bool names_month(const char *q, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && !((q[i] >= 'A' && q[i] <= 'Z') || (q[i] >= 'a' && q[i] <= 'z')))
            i++;
        size_t j = i;
        while (j < n && ((q[j] >= 'A' && q[j] <= 'Z') || (q[j] >= 'a' && q[j] <= 'z')))
            j++;
        if (j > i && sr_month_number(q + i, j - i))
            return true;
        i = j;
    }
    return false;
}

static int32_t day_of(const char *iso)
{
    sr_date d;
    if (!iso || !iso[0] || sscanf(iso, "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
        return INT32_MIN;
    return (int32_t)sr_date_to_days(&d);
}

/* An undated document its story dated (its earliest dated article's day,
 * `from`; its latest, `until`): the latest day its text names by month
 * from `from` to rules.story_days after `until` ("on July 26", read in the
 * story's year), if any, is when it was written at the earliest.  Writes
 * it to latest ("" when none). */
static sitrep_status latest_named_day(sitrep_corpus *c, const sr_cdoc *x, const char *from, const char *until,
                                      char latest[11])
{
    latest[0] = '\0';
    int32_t d0 = day_of(from), d1 = day_of(until);
    if (d0 == INT32_MIN)
        return SITREP_OK;
    sr_date end = sr_date_from_days((d1 > d0 ? d1 : d0) + sr_story_rules_default.story_days);
    char ref[11];
    sr_date_iso(&end, ref);
    sitrep_doc_hints h = {x->hint_url, x->hint_title, NULL, x->hint_outlet};
    sitrep_doc *doc = NULL;
    char *src = NULL;
    /* only its time expressions are read here: they rest on the tokens
     * and the anchor alone, so the other analyses are not run (the
     * article is read in full again below, against the day found) */
    sitrep_options times_only = c->opts;
    times_only.skip |= SITREP_SKIP_ENTITIES | SITREP_SKIP_FIGURES | SITREP_SKIP_CLAIMS;
    sitrep_status st = sr_corpus_doc_input(c, x, &src);
    if (st == SITREP_OK)
        st = sr_doc_analyse_dated(x->id, src, x->src_len, NULL, true, &h, &times_only, ref, NULL, &doc);
    for (size_t k = 0; st == SITREP_OK && k < sitrep_doc_time_count(doc); k++) {
        sitrep_time t;
        sitrep_doc_time(doc, k, &t);
        if (t.kind != SITREP_TIME_DATE || t.precision != SITREP_PRECISION_DAY || !t.to[0] ||
            strcmp(t.to, from) <= 0 || strcmp(t.to, ref) > 0 || strcmp(t.to, latest) <= 0 ||
            !names_month(doc->src + t.span.start, t.span.end - t.span.start))
            continue;
        memcpy(latest, t.to, 11);
    }
    sitrep_doc_free(doc);
    c->mem->free(src);
    return st;
}

/* The stories stage of finishing: near-copies and stories, the dates of
 * undated articles from their story, and those articles analysed again
 * against that date.  What the document, story and mention records need;
 * the claims, events, conflicts and trends need the corroboration after
 * it (sitrep_corpus_finish), the entities neither. */
static sitrep_status finish_stories(sitrep_corpus *c, bool linked)
{
    c->finished = true; /* nothing joins after this */
    if (c->stories_done)
        return SITREP_OK;
    c->stories_done = true;
    /* the linking reads each document's events (its main one), not its claims */
    sitrep_status st = sr_corpus_hold(c, linked ? SR_HOLD_NONE : SR_HOLD_EVENTS);
    if (st == SITREP_OK)
        st = linked ? sr_cluster_finish_dates(c) : sr_cluster_finish(c);
    /* the articles read again add their rows where the rows are */
    if (st == SITREP_OK)
        st = sr_corpus_hold(c, SR_HOLD_NONE);
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc);
    /* the documents' terms served the linking only: their memory goes;
     * the documents and stories, kept to the end of the run, are cut to
     * size (no document joins after this) */
    sr_buf_free(&c->terms);
    sr_buf_fit(&c->docs);
    sr_buf_fit(&c->stories);
    for (size_t i = 0; i < n; i++)
        SR_VEC_AT(&c->docs, sr_cdoc, i).terms0 = SR_VEC_AT(&c->docs, sr_cdoc, i).terms1 = 0;
    /* an undated article its story dated (cluster/stories.c) may name a
     * later day of its own; one alone, or in a story of undated articles,
     * stays undated: nothing fixes its year */
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        if (x->src_at < 0 || !x->inferred[0])
            continue;
        char from[11], latest[11];
        memcpy(from, x->inferred, sizeof from);
        const sr_cstory *story = &SR_VEC_AT(&c->stories, sr_cstory, (size_t)x->story);
        st = latest_named_day(c, x, from, story->last_seen, latest);
        x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        if (st == SITREP_OK && latest[0]) {
            char basis[400];
            snprintf(basis, sizeof basis, "%s; the latest day its text names after it, %s", x->basis ? x->basis : "",
                     latest);
            memcpy(x->inferred, latest, sizeof latest);
            x->basis = sr_arena_strndup(&c->arena, basis, strlen(basis));
            if (!x->basis)
                st = SITREP_ENOMEM;
        }
    }
    /* the days each story was seen, with the days found for its undated articles */
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        const sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        if (x->story < 0 || !x->inferred[0])
            continue;
        sr_cstory *s = &SR_VEC_AT(&c->stories, sr_cstory, (size_t)x->story);
        if (!s->first_seen[0] || strcmp(x->inferred, s->first_seen) < 0)
            memcpy(s->first_seen, x->inferred, 11);
        if (!s->last_seen[0] || strcmp(x->inferred, s->last_seen) > 0)
            memcpy(s->last_seen, x->inferred, 11);
    }
    /* undated articles dated by their story are read again against that
     * date: "so far this year", "earlier this week" resolve now */
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        if (x->src_at < 0 || !x->inferred[0])
            continue;
        sitrep_doc_hints h = {x->hint_url, x->hint_title, NULL, x->hint_outlet};
        sitrep_doc *doc = NULL;
        char *src = NULL;
        st = sr_corpus_doc_input(c, x, &src);
        if (st == SITREP_OK)
            st = sr_doc_analyse_dated(x->id, src, x->src_len, NULL, true, &h, &c->opts, x->inferred,
                                      x->basis, &doc);
        if (st == SITREP_OK)
            st = sr_corpus_add_analysis(c, (uint32_t)i, doc);
        sitrep_doc_free(doc);
        c->mem->free(src);
        x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        x->src_at = -1;
    }
    /* what those readings replaced goes, before the corroboration numbers
     * the rows */
    if (st == SITREP_OK)
        st = sr_corpus_settle_replaced(c, !c->stable_rows);
    return st;
}

sitrep_status sr_corpus_finish_stories(sitrep_corpus *c)
{
    return finish_stories(c, false);
}

sitrep_status sr_corpus_finish_stories_linked(sitrep_corpus *c)
{
    return finish_stories(c, true);
}

sitrep_status sr_corpus_finish_parts(sitrep_corpus *c, bool claims, bool events)
{
    if (c->finished && c->stories_done && c->corroborated)
        return SITREP_OK;
    sitrep_status st = sr_corpus_finish_stories(c);
    claims = claims && !c->claims_corroborated;
    events = events && !c->events_corroborated;
    if (st != SITREP_OK || (!claims && !events))
        return st;
    c->claims_corroborated = c->claims_corroborated || claims;
    c->events_corroborated = c->events_corroborated || events;
    c->corroborated = c->claims_corroborated && c->events_corroborated;
    if (claims && events)
        return sr_corroborate(c); /* both, as one corpus always made them */
    return claims ? sr_corroborate_claims(c) : sr_corroborate_events(c);
}

sitrep_status sitrep_corpus_finish(sitrep_corpus *c)
{
    if (c == NULL)
        return SITREP_EARG;
    return sr_corpus_finish_parts(c, true, true);
}

sitrep_status sitrep_corpus_write_json(sitrep_corpus *c, unsigned flags, sitrep_write_fn write,
                                       void *ctx)
{
    if (c == NULL || write == NULL)
        return SITREP_EARG;
    sitrep_status st = sitrep_corpus_finish(c);
    return st == SITREP_OK ? sr_corpus_write_records(c, flags, write, ctx) : st;
}
