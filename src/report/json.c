/*
 * json.c -- the `document` record of the output contract (CONTRACT.md),
 * built with jansson and written through a sitrep_write_fn.
 */
#include "doc.h"

#include "core/jsonw.h"
#include "report/report.h"

#include <jansson.h>
#include <stdbool.h>
#include <string.h>

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Sets key to value; false when value is NULL (jansson could not make it). */
static bool put(json_t *o, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(o, key, value) == 0;
}

/* A span object {doc, start, end, quote}, or NULL when out of memory.
 * The document's id is one shared string (id holds a reference), and
 * the quote is not checked again: the input was checked as UTF-8 and a
 * span never splits a character. */
static json_t *span_json(const sitrep_doc *doc, json_t *id, uint32_t start, uint32_t end)
{
    json_t *o = json_object();
    if (o == NULL)
        return NULL;
    /* the input's bytes, which a web page's decoded text stands for */
    start = sr_doc_input_pos(doc, start);
    end = sr_doc_input_pos(doc, end);
    bool ok = put(o, "doc", json_incref(id));
    ok = put(o, "start", json_integer(start)) && ok;
    ok = put(o, "end", json_integer(end)) && ok;
    ok = put(o, "quote", json_stringn_nocheck(doc->input + start, end - start)) && ok;
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Appends value to array; false when value is NULL. */
static bool append(json_t *array, json_t *value)
{
    if (array == NULL || value == NULL) {
        json_decref(value);
        return false;
    }
    return json_array_append_new(array, value) == 0;
}

sitrep_status sitrep_doc_write_json(const sitrep_doc *doc, unsigned flags, sitrep_write_fn write,
                                    void *ctx)
{
    json_t *o = json_object();
    if (o == NULL)
        return SITREP_ENOMEM;
    /* Every string below is valid UTF-8 (the input was checked, ids and
     * hints too), so a NULL from jansson can only mean out of memory: the
     * record is not written rather than written without a field. */
    bool ok = true;
    ok = put(o, "type", json_string("document")) && ok;
    ok = put(o, "id", json_string(doc->id)) && ok;
    ok = put(o, "title", str_or_null(doc->title)) && ok;
    ok = put(o, "outlet", str_or_null(doc->outlet)) && ok;
    json_t *by = json_array();
    for (size_t i = 0; i < doc->nbyline; i++)
        ok = append(by, json_string(doc->byline[i])) && ok;
    ok = put(o, "byline", by) && ok;
    ok = put(o, "published", str_or_null(doc->published)) && ok;
    ok = put(o, "published_inferred", str_or_null(doc->published_inferred)) && ok;
    ok = put(o, "published_basis", str_or_null(doc->published_basis)) && ok;
    ok = put(o, "url", str_or_null(doc->url)) && ok;
    ok = put(o, "language", str_or_null(doc->language)) && ok;
    ok = put(o, "story", json_null()) && ok;
    ok = put(o, "duplicate_of", json_null()) && ok;
    if (flags & SITREP_JSON_TEXT) {
        sr_buf text;
        sr_buf_init(&text, doc->mem);
        if (sitrep_doc_write_text(doc, sr_buf_write_cb, &text) != SITREP_OK) {
            sr_buf_free(&text);
            json_decref(o);
            return SITREP_ENOMEM;
        }
        ok = put(o, "text", json_stringn(text.data ? text.data : "", text.len)) && ok;
        sr_buf_free(&text);
    }
    json_t *dropped = json_array();
    json_t *id = json_string(doc->id);
    size_t nd = sitrep_doc_dropped_count(doc);
    for (size_t i = 0; i < nd && id; i++) {
        sitrep_drop_reason why;
        sitrep_span sp = sitrep_doc_dropped(doc, i, &why);
        json_t *s = span_json(doc, id, sp.start, sp.end);
        ok = s && put(s, "reason", json_string_nocheck(sitrep_drop_reason_name(why))) && ok;
        ok = append(dropped, s) && ok;
    }
    ok = id != NULL && ok;
    json_decref(id);
    ok = put(o, "dropped", dropped) && ok;
    size_t nt, ns;
    sitrep_doc_tokens(doc, &nt);
    sitrep_doc_sentences(doc, &ns);
    ok = put(o, "sentences", json_integer((json_int_t)ns)) && ok;
    ok = put(o, "tokens", json_integer((json_int_t)nt)) && ok;

    if (!ok) {
        json_decref(o);
        return SITREP_ENOMEM;
    }
    sitrep_status st = sr_json_emit(o, doc->mem, write, ctx);
    json_decref(o);
    return st;
}

sitrep_status sr_json_emit(json_t *o, const sitrep_mem *mem, sitrep_write_fn write, void *ctx)
{
    /* jansson hands out many small pieces: gather the record, write once,
     * so a record is written whole or not at all. */
    sr_buf line;
    sr_buf_init(&line, mem);
    if (!sr_jsonw_value(&line, o, 8) || !sr_buf_putc(&line, '\n')) {
        sr_buf_free(&line);
        return SITREP_ENOMEM;
    }
    int rc = write(line.data, line.len, ctx);
    sr_buf_free(&line);
    return rc ? SITREP_EIO : SITREP_OK;
}
