/*
 * json.c -- the `document` record of the output contract (CONTRACT.md),
 * built with jansson and written through a sitrep_write_fn.
 */
#include "doc.h"

#include <jansson.h>
#include <string.h>

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *span_json(const sitrep_doc *doc, uint32_t start, uint32_t end)
{
    json_t *o = json_object();
    json_object_set_new(o, "doc", json_string(doc->id));
    json_object_set_new(o, "start", json_integer(start));
    json_object_set_new(o, "end", json_integer(end));
    json_object_set_new(o, "quote", json_stringn(doc->src + start, end - start));
    return o;
}

sitrep_status sitrep_doc_write_json(const sitrep_doc *doc, unsigned flags, sitrep_write_fn write,
                                    void *ctx)
{
    json_t *o = json_object();
    if (o == NULL)
        return SITREP_ENOMEM;
    json_object_set_new(o, "type", json_string("document"));
    json_object_set_new(o, "id", json_string(doc->id));
    json_object_set_new(o, "title", str_or_null(doc->title));
    json_object_set_new(o, "outlet", str_or_null(doc->outlet));
    json_t *by = json_array();
    for (size_t i = 0; i < doc->nbyline; i++)
        json_array_append_new(by, json_string(doc->byline[i]));
    json_object_set_new(o, "byline", by);
    json_object_set_new(o, "published", str_or_null(doc->published));
    json_object_set_new(o, "published_inferred", str_or_null(doc->published_inferred));
    json_object_set_new(o, "published_basis", str_or_null(doc->published_basis));
    json_object_set_new(o, "url", str_or_null(doc->url));
    json_object_set_new(o, "story", json_null());
    json_object_set_new(o, "duplicate_of", json_null());
    if (flags & SITREP_JSON_TEXT) {
        sr_buf text;
        sr_buf_init(&text, doc->mem);
        if (sitrep_doc_write_text(doc, sr_buf_write_cb, &text) != SITREP_OK) {
            sr_buf_free(&text);
            json_decref(o);
            return SITREP_ENOMEM;
        }
        json_object_set_new(o, "text", json_stringn(text.data ? text.data : "", text.len));
        sr_buf_free(&text);
    }
    json_t *dropped = json_array();
    size_t nd = sitrep_doc_dropped_count(doc);
    for (size_t i = 0; i < nd; i++) {
        sitrep_drop_reason why;
        sitrep_span sp = sitrep_doc_dropped(doc, i, &why);
        json_t *s = span_json(doc, sp.start, sp.end);
        json_object_set_new(s, "reason", json_string(sitrep_drop_reason_name(why)));
        json_array_append_new(dropped, s);
    }
    json_object_set_new(o, "dropped", dropped);
    size_t nt, ns;
    sitrep_doc_tokens(doc, &nt);
    sitrep_doc_sentences(doc, &ns);
    json_object_set_new(o, "sentences", json_integer((json_int_t)ns));
    json_object_set_new(o, "tokens", json_integer((json_int_t)nt));

    /* jansson hands out many small pieces: gather the record, write once. */
    sr_buf line;
    sr_buf_init(&line, doc->mem);
    int rc = json_dump_callback(o, sr_buf_write_cb, &line, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (rc != 0 || !sr_buf_putc(&line, '\n')) {
        sr_buf_free(&line);
        return SITREP_ENOMEM;
    }
    rc = write(line.data, line.len, ctx);
    sr_buf_free(&line);
    return rc ? SITREP_EIO : SITREP_OK;
}
