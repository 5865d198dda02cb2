/*
 * pipeline.c -- the only file that knows the order of the per-article
 * stages: read -> check -> hints -> clean -> tokenize -> describe ->
 * entities -> times -> figures -> claims and events.  The readers (read/)
 * yield raw inputs; sitrep_reader_next takes each through the stages.
 */
#include "doc.h"

#include "core/dates.h"
#include "analyse/figures.h"
#include "analyse/times.h"
#include "analyse/wordinfo.h"
#include "pipeline.h"
#include "read/read.h"
#include "clean/webpage.h"
#include "core/html.h"

#include <string.h>

/* A hint is used only when it is valid UTF-8 text. */
static bool usable(const char *s)
{
    size_t bad;
    return s && *s && sr_utf8_valid(s, strlen(s), &bad);
}

static void apply_hints(sitrep_doc *doc, const sitrep_doc_hints *h)
{
    if (h == NULL)
        return;
    sitrep_doc_hints ok = {usable(h->url) ? h->url : NULL, usable(h->title) ? h->title : NULL,
                           usable(h->published) ? h->published : NULL,
                           usable(h->outlet) ? h->outlet : NULL};
    h = &ok;
    if (h->url && *h->url)
        doc->url = sr_arena_strndup(&doc->arena, h->url, strlen(h->url));
    if (h->title && *h->title) {
        const char *t = h->title;
        size_t n = strlen(t);
        sr_trim(&t, &n);
        if (n)
            doc->title = sr_arena_strndup(&doc->arena, t, n);
    }
    if (h->outlet && *h->outlet)
        doc->outlet = sr_arena_strndup(&doc->arena, h->outlet, strlen(h->outlet));
    if (h->published && *h->published) {
        sr_date d;
        size_t at, used;
        if (sr_date_find(h->published, strlen(h->published), &d, &at, &used) && d.day) {
            char iso[11];
            sr_date_iso(&d, iso);
            doc->published = sr_arena_strndup(&doc->arena, iso, 10);
        }
    }
}

/* The document's one-line fields as read (from its container, its page's
 * metadata, its first lines), without control characters: an ESC or BEL
 * in a title reaches no terminal and no report. */
static void clean_fields(sitrep_doc *doc)
{
    char *const fields[] = {doc->id, doc->title, doc->outlet, doc->url, doc->language, doc->published,
                            doc->published_inferred, doc->published_basis};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        sr_field_clean(fields[i]);
    for (size_t i = 0; i < doc->nbyline; i++)
        sr_field_clean(doc->byline[i]);
    if (doc->title && !doc->title[0])
        doc->title = NULL;
    if (doc->outlet && !doc->outlet[0])
        doc->outlet = NULL;
}

sitrep_status sr_doc_analyse(const char *id, const char *bytes, size_t len, void *owned,
                             bool checked, const sitrep_doc_hints *hints,
                             const sitrep_options *opts, sitrep_doc **out)
{
    return sr_doc_analyse_dated(id, bytes, len, owned, checked, hints, opts, NULL, NULL, out);
}

static sitrep_status analyse(const char *id, const char *bytes, size_t len, void *owned, bool checked,
                             const sitrep_doc_hints *hints, const sitrep_options *opts, const char *inferred,
                             const char *basis, sitrep_doc **out);

static bool has_control(const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7F || (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F))
            return true;
    }
    return false;
}

sitrep_status sr_doc_analyse_dated(const char *id, const char *bytes, size_t len, void *owned,
                                   bool checked, const sitrep_doc_hints *hints,
                                   const sitrep_options *opts, const char *inferred,
                                   const char *basis, sitrep_doc **out)
{
    if (!id || !has_control(id))
        return analyse(id, bytes, len, owned, checked, hints, opts, inferred, basis, out);
    /* the id as every later step knows it (a store's key): cleaned first */
    const sitrep_mem *mem = sr_mem_or_default(opts ? opts->mem : NULL);
    size_t n = strlen(id);
    char *clean = mem->calloc(1, n + 1);
    if (!clean) {
        *out = NULL;
        if (owned)
            mem->free(owned);
        return SITREP_ENOMEM;
    }
    memcpy(clean, id, n);
    sr_field_clean(clean);
    sitrep_status st = analyse(clean, bytes, len, owned, checked, hints, opts, inferred, basis, out);
    mem->free(clean);
    return st;
}

static sitrep_status analyse(const char *id, const char *bytes, size_t len, void *owned, bool checked,
                             const sitrep_doc_hints *hints, const sitrep_options *opts, const char *inferred,
                             const char *basis, sitrep_doc **out)
{
    *out = NULL;
    sitrep_options defaults;
    if (opts == NULL) {
        sitrep_options_init(&defaults);
        opts = &defaults;
    }
    const sitrep_mem *mem = sr_mem_or_default(opts->mem);
    size_t limit = opts->max_input_bytes ? opts->max_input_bytes : SR_MAX_INPUT_DEFAULT;
    size_t bad;
    if (id && !sr_utf8_valid(id, strlen(id), &bad)) {
        if (owned)
            mem->free(owned);
        return SITREP_EARG; /* ids go into JSON: they must be text */
    }
    if (len > limit) {
        if (owned)
            mem->free(owned);
        return SITREP_ETOOBIG;
    }
    size_t where;
    sitrep_status st = checked ? SITREP_OK : sr_check_text(bytes, len, &where);
    if (st != SITREP_OK) {
        if (owned)
            mem->free(owned);
        return st;
    }
    if (opts->want && !opts->want(id ? id : "", bytes, len, opts->want_ctx)) {
        if (owned)
            mem->free(owned);
        return SR_UNWANTED;
    }
    sitrep_doc *doc = mem->calloc(1, sizeof *doc);
    if (doc == NULL) {
        if (owned)
            mem->free(owned);
        return SITREP_ENOMEM;
    }
    doc->mem = mem;
    doc->src = doc->input = bytes;
    doc->len = doc->input_len = len;
    doc->owned = owned;
    sr_arena_init(&doc->arena, mem, 4096);
    sr_buf_init(&doc->lines, mem);
    sr_buf_init(&doc->dropped, mem);
    sr_buf_init(&doc->decode_map, mem);
    sr_buf_init(&doc->inserts, mem);
    sr_buf_init(&doc->tokens, mem);
    sr_buf_init(&doc->sentences, mem);
    sr_buf_init(&doc->entities, mem);
    sr_buf_init(&doc->mentions, mem);
    sr_buf_init(&doc->times, mem);
    sr_buf_init(&doc->figures, mem);
    sr_buf_init(&doc->claims, mem);
    sr_buf_init(&doc->fig_claim, mem);
    sr_buf_init(&doc->events, mem);
    sr_buf_init(&doc->wordinfo, mem);
    /* Room for a typical article's tokens up front: about one per 5 bytes. */
    if (!sr_buf_reserve(&doc->tokens, (len / 5 + 16) * sizeof(sitrep_token))) {
        sitrep_doc_free(doc);
        return SITREP_ENOMEM;
    }
    doc->id = sr_arena_strndup(&doc->arena, id ? id : "", id ? strlen(id) : 0);
    if (doc->id == NULL) {
        sitrep_doc_free(doc);
        return SITREP_ENOMEM;
    }
    apply_hints(doc, hints);
    /* a web page: its article's blocks; else plain text as scraped */
    st = sr_looks_like_html(doc->src, doc->len) ? sr_webpage_lines(doc) : sr_clean_lines(doc);
    if (st == SITREP_OK)
        st = sr_doc_index_dropped(doc);
    if (st == SITREP_OK)
        st = sr_tokenize(doc);
    if (st == SITREP_OK)
        st = sr_describe(doc);
    if (st == SITREP_OK && inferred && !doc->published && !doc->published_inferred) {
        doc->published_inferred = sr_arena_strndup(&doc->arena, inferred, strlen(inferred));
        doc->published_basis = basis ? sr_arena_strndup(&doc->arena, basis, strlen(basis)) : NULL;
        doc->published_borrowed = true;
        if (!doc->published_inferred || (basis && !doc->published_basis))
            st = SITREP_ENOMEM;
    }
    if (st == SITREP_OK)
        clean_fields(doc);
    /* what both finders ask about every token, worked out once (the
     * entity stage reuses each word's lexicon entry when it is there) */
    if (st == SITREP_OK && (opts->skip & (SITREP_SKIP_TIMES | SITREP_SKIP_FIGURES)) !=
                               (SITREP_SKIP_TIMES | SITREP_SKIP_FIGURES))
        st = sr_word_info(doc, &doc->wordinfo);
    if (st == SITREP_OK && !(opts->skip & SITREP_SKIP_ENTITIES))
        st = sr_entities(doc);
    /* relative expressions resolve against the stated date, else the
     * inferred one */
    sr_date anchor = {0, 0, 0};
    if (st == SITREP_OK) {
        const char *d = doc->published ? doc->published : doc->published_inferred;
        size_t at, used;
        if (d)
            sr_date_find(d, strlen(d), &anchor, &at, &used);
    }
    if (st == SITREP_OK && !(opts->skip & SITREP_SKIP_TIMES))
        st = sr_find_times(doc, &anchor, &doc->times);
    if (st == SITREP_OK && !(opts->skip & SITREP_SKIP_FIGURES))
        st = sr_find_figures(doc, &doc->figures);
    if (st == SITREP_OK && !(opts->skip & SITREP_SKIP_CLAIMS))
        st = sr_claims_events(doc, &anchor);
    sr_buf_free(&doc->wordinfo); /* only the analysers read it */
    if (st != SITREP_OK) {
        sitrep_doc_free(doc);
        return st;
    }
    *out = doc;
    return SITREP_OK;
}

sitrep_status sitrep_doc_from_memory(const char *id, const char *bytes, size_t len,
                                     const sitrep_doc_hints *hints, const sitrep_options *opts,
                                     sitrep_doc **out)
{
    if (out == NULL || (bytes == NULL && len))
        return SITREP_EARG;
    sitrep_status st = sr_doc_analyse(id, bytes ? bytes : "", len, NULL, false, hints, opts, out);
    return st == SR_UNWANTED ? SITREP_DONE : st;
}

sitrep_status sitrep_reader_next(sitrep_reader *r, sitrep_doc **out)
{
    if (!r || !out)
        return SITREP_EARG;
    *out = NULL;
    for (;;) {
        sr_input in;
        sitrep_status st = sr_read_next(r, &in);
        if (st != SITREP_OK)
            return st;
        st = sr_doc_analyse_dated(in.id, in.bytes, in.len, in.bytes, in.checked, &in.hints,
                                  sr_read_options(r), in.inferred, in.basis, out);
        if (st == SR_UNWANTED)
            continue; /* passed by: the next input */
        if (st != SITREP_OK)
            return sr_read_refused(r, st, &in);
        return SITREP_OK;
    }
}
