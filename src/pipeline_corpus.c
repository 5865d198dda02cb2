/*
 * pipeline_corpus.c -- the order of the stages across articles, beside
 * pipeline.c's order within one: an article joins the corpus and is linked
 * to the others (cluster); at the end the stories are made, the articles
 * they date are analysed again against that date, and the claims and
 * events are merged across articles (corroborate).  The records are
 * written after that (report/corpus_json.c), never as a part of it.
 */
#include "corpus/corpus.h"

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
    return st;
}

/* The year most dated documents were published in (stated dates first),
 * ties to the later; 0 when none is dated. */
static int corpus_year(const sitrep_corpus *c)
{
    int years[64], counts[64];
    size_t ny = 0;
    const sr_cdoc *docs = (const sr_cdoc *)(const void *)c->docs.data;
    for (size_t i = 0; i < SR_VEC_COUNT(&c->docs, sr_cdoc); i++) {
        const char *d = docs[i].published[0] ? docs[i].published : NULL;
        if (!d)
            continue;
        int y = atoi(d);
        size_t k = 0;
        while (k < ny && years[k] != y)
            k++;
        if (k == ny && ny < 64) {
            years[ny] = y;
            counts[ny++] = 0;
        }
        if (k < ny)
            counts[k]++;
    }
    int best = 0, bestn = 0;
    for (size_t k = 0; k < ny; k++)
        if (counts[k] > bestn || (counts[k] == bestn && years[k] > best)) {
            best = years[k];
            bestn = counts[k];
        }
    return best;
}

sitrep_status sitrep_corpus_finish(sitrep_corpus *c)
{
    if (c == NULL)
        return SITREP_EARG;
    if (c->finished)
        return SITREP_OK;
    c->finished = true;
    sitrep_status st = sr_cluster_finish(c);
    size_t n = SR_VEC_COUNT(&c->docs, sr_cdoc);
    /* an undated article alone in its story: the latest day it mentions
     * ("On July 25 and 26"), in the year most of the corpus's dated
     * articles were published */
    int year = -1; /* worked out once, when first needed */
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        if (!x->src || x->inferred[0])
            continue;
        if (year < 0)
            year = corpus_year(c);
        if (!year)
            break;
        char end[11];
        snprintf(end, sizeof end, "%04d-12-31", year);
        sitrep_doc_hints h = {x->hint_url, x->hint_title, NULL, x->hint_outlet};
        sitrep_doc *doc = NULL;
        st = sr_doc_analyse_dated(x->id, x->src, x->src_len, NULL, true, &h, &c->opts, end, NULL, &doc);
        char latest[11] = "";
        for (size_t k = 0; st == SITREP_OK && k < sitrep_doc_time_count(doc); k++) {
            sitrep_time t;
            sitrep_doc_time(doc, k, &t);
            if (t.kind == SITREP_TIME_DATE && t.precision == SITREP_PRECISION_DAY && t.to[0] &&
                strncmp(t.to, end, 4) == 0 && strcmp(t.to, latest) > 0)
                memcpy(latest, t.to, sizeof latest);
        }
        sitrep_doc_free(doc);
        if (st == SITREP_OK && latest[0]) {
            x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
            memcpy(x->inferred, latest, sizeof latest);
            char basis[160];
            snprintf(basis, sizeof basis,
                     "latest day the text mentions, %s, in the year of most dated articles of the corpus (%d)",
                     latest + 5, year);
            x->basis = sr_arena_strndup(&c->arena, basis, strlen(basis));
            if (!x->basis)
                st = SITREP_ENOMEM;
        }
    }
    /* undated articles dated by their story are read again against that
     * date: "so far this year", "earlier this week" resolve now */
    for (size_t i = 0; i < n && st == SITREP_OK; i++) {
        sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        if (!x->src || !x->inferred[0])
            continue;
        sitrep_doc_hints h = {x->hint_url, x->hint_title, NULL, x->hint_outlet};
        sitrep_doc *doc = NULL;
        st = sr_doc_analyse_dated(x->id, x->src, x->src_len, NULL, true, &h, &c->opts, x->inferred,
                                  x->basis, &doc);
        if (st == SITREP_OK)
            st = sr_corpus_add_analysis(c, (uint32_t)i, doc);
        sitrep_doc_free(doc);
        x = &SR_VEC_AT(&c->docs, sr_cdoc, i);
        c->mem->free(x->src);
        x->src = NULL;
    }
    if (st == SITREP_OK)
        st = sr_corroborate(c);
    return st;
}

sitrep_status sitrep_corpus_write_json(sitrep_corpus *c, unsigned flags, sitrep_write_fn write,
                                       void *ctx)
{
    if (c == NULL || write == NULL)
        return SITREP_EARG;
    sitrep_status st = sitrep_corpus_finish(c);
    return st == SITREP_OK ? sr_corpus_write_records(c, flags, write, ctx) : st;
}
