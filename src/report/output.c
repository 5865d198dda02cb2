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
