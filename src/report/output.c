/*
 * output.c -- sitrep_store_write: the report or an export of everything a
 * store holds.  The records are read through the store's iterator, then
 * handed to the renderer the format names: the report is made from the
 * records typed into its model (model.c; render_md.c, render_html.c), the
 * exports from the records (render_export.c).
 */
#include "report/phrase.h"
#include "report/render.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* The records typed into the report's model, then written in the format
 * `mk` describes. */
static sitrep_status render(json_t *const *recs, size_t n, const sr_markup *mk, sitrep_write_fn write,
                            void *ctx)
{
    if (write == NULL || (recs == NULL && n > 0))
        return SITREP_EARG;
    sr_rmodel m;
    sitrep_status st = sr_rmodel_load(&m, recs, n);
    if (st != SITREP_OK)
        return st;
    st = sr_report_write(&m, mk, write, ctx);
    sr_rmodel_free(&m);
    return st;
}

sitrep_status sr_render_markdown(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    return render(recs, n, &sr_md_markup, write, ctx);
}

sitrep_status sr_render_html(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    return render(recs, n, &sr_html_markup, write, ctx);
}

/* The records a query writes (each in pieces, then a newline), parsed and
 * gathered (sitrep_store_report). */
typedef struct gathered {
    const sitrep_mem *mem;
    sr_buf rec;
    json_t **recs;
    size_t n, cap;
    bool failed;
} gathered;

static int gather(const char *data, size_t len, void *ctx)
{
    gathered *g = ctx;
    if (!(len == 1 && data[0] == '\n'))
        return sr_buf_put(&g->rec, data, len) ? 0 : (g->failed = true, -1);
    json_t *o = json_loadb(g->rec.data, g->rec.len, 0, NULL);
    g->rec.len = 0;
    if (o && g->n == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 256;
        json_t **r = g->mem->realloc(g->recs, nc * sizeof *r);
        if (!r) {
            json_decref(o);
            o = NULL;
        } else {
            g->recs = r;
            g->cap = nc;
        }
    }
    if (!o) {
        g->failed = true;
        return -1;
    }
    g->recs[g->n++] = o;
    return 0;
}

sitrep_status sitrep_store_report(sitrep_store *s, sitrep_output_format format, const char *since, const char *until,
                                  size_t top, sitrep_write_fn write, void *ctx)
{
    if (!s || !write || (format != SITREP_REPORT_MARKDOWN && format != SITREP_REPORT_HTML))
        return SITREP_EARG;
    if (!since && !until && !top)
        return sitrep_store_write(s, format, write, ctx);
    gathered g = {sr_store_mem(s), {0}, NULL, 0, 0, false};
    sr_buf_init(&g.rec, g.mem);
    /* the records of the period, each type by the store's query (its
     * indexes); the trends (one per scope) all */
    static const char *const types[] = {"document", "story", "claim", "event", "conflict", "trend"};
    sitrep_status st = SITREP_OK;
    for (size_t i = 0; i < sizeof types / sizeof types[0] && st == SITREP_OK; i++) {
        bool all = (!since && !until) || strcmp(types[i], "trend") == 0;
        sitrep_query q = {types[i], NULL, NULL, all ? NULL : since, all ? NULL : until, NULL};
        st = sitrep_store_query(s, &q, gather, &g);
        if (st == SITREP_EIO && g.failed)
            st = SITREP_ENOMEM;
    }
    if (st == SITREP_OK) {
        sr_rmodel m;
        st = sr_rmodel_load(&m, g.recs, g.n);
        if (st == SITREP_OK) {
            m.top = top;
            st = sr_report_write(&m, format == SITREP_REPORT_HTML ? &sr_html_markup : &sr_md_markup, write, ctx);
            sr_rmodel_free(&m);
        }
    }
    for (size_t i = 0; i < g.n; i++)
        json_decref(g.recs[i]);
    g.mem->free(g.recs);
    sr_buf_free(&g.rec);
    return st;
}

sitrep_status sitrep_store_write(sitrep_store *s, sitrep_output_format format, sitrep_write_fn write, void *ctx)
{
    if (!s || !write)
        return SITREP_EARG;
    sr_record_iter *it;
    sitrep_status st = sr_store_records(s, &it);
    if (st != SITREP_OK)
        return st;
    const sitrep_mem *mem = sr_store_mem(s);
    size_t n = 0, cap = 0;
    json_t **recs = NULL;
    const char *j;
    size_t len;
    while ((st = sr_record_next(it, &j, &len)) == SITREP_OK) {
        json_error_t err;
        json_t *o = json_loadb(j, len, 0, &err);
        if (!o) {
            char msg[256];
            snprintf(msg, sizeof msg, "a stored record is not JSON: %s", err.text);
            sr_store_set_message(s, msg);
            st = SITREP_EJSON;
            break;
        }
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 256;
            json_t **r = mem->realloc(recs, nc * sizeof *r);
            if (!r) {
                json_decref(o);
                st = SITREP_ENOMEM;
                break;
            }
            recs = r;
            cap = nc;
        }
        recs[n++] = o;
    }
    sr_record_iter_free(it);
    if (st == SITREP_DONE) {
        switch (format) {
        case SITREP_REPORT_MARKDOWN: st = sr_render_markdown(recs, n, write, ctx); break;
        case SITREP_REPORT_HTML: st = sr_render_html(recs, n, write, ctx); break;
        case SITREP_EXPORT_JSONL: st = sr_export_jsonl(recs, n, write, ctx); break;
        case SITREP_EXPORT_CSV: st = sr_export_acled_csv(recs, n, write, ctx); break;
        case SITREP_EXPORT_GEOJSON: st = sr_export_geojson(recs, n, write, ctx); break;
        default: st = SITREP_EARG; break;
        }
    }
    for (size_t i = 0; i < n; i++)
        json_decref(recs[i]);
    mem->free(recs);
    return st;
}

