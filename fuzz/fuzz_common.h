/*
 * fuzz_common.h -- checks shared by the libFuzzer targets.
 *
 * fz_check_doc() walks every public accessor of a document and aborts (so
 * libFuzzer records a crash) when an invariant of sitrep.h is broken:
 * spans outside the input or splitting a UTF-8 sequence, tokens or
 * sentences out of order, write_text emitting bytes that are neither input
 * nor separators, write_json emitting a line that is not one valid JSON
 * object or whose quotes differ from the input bytes.
 *
 * fz_mem is a counting allocator with one-shot failure injection, so the
 * ENOMEM paths are exercised and leaks inside the library are counted
 * exactly (live allocations must drop back to zero after every free).
 */
#ifndef SITREP_FUZZ_COMMON_H
#define SITREP_FUZZ_COMMON_H

#include "sitrep.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FZ_ASSERT(cond)                                                                     \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);  \
            abort();                                                                        \
        }                                                                                   \
    } while (0)

/* Set SITREP_FUZZ_SKIP_KNOWN=1 to stop checking invariants that known,
 * reported library bugs break (so a long run can look for new ones):
 * reader messages and ids that are not valid UTF-8, binary input called
 * EUTF8 when an invalid byte comes before the first NUL, a failed reader
 * buffer allocation reported as EEMPTY. */
static bool fz_skip_known(void)
{
    static int v = -1;
    if (v < 0) {
        const char *e = getenv("SITREP_FUZZ_SKIP_KNOWN");
        v = e && *e && strcmp(e, "0") != 0;
    }
    return v;
}

/* ---- counting, failure-injecting allocator ---- */

static long fz_live;        /* allocations not yet freed */
static long fz_count;       /* allocations made since fz_mem_reset */
static long fz_fail_at = -1; /* index of the allocation that fails, -1: none */

static void fz_mem_reset(long fail_at)
{
    fz_count = 0;
    fz_fail_at = fail_at;
}

static bool fz_should_fail(void)
{
    return fz_count++ == fz_fail_at;
}

static void *fz_calloc(size_t n, size_t size)
{
    if (fz_should_fail())
        return NULL;
    void *p = calloc(n, size);
    if (p)
        fz_live++;
    return p;
}

static void *fz_realloc(void *ptr, size_t size)
{
    if (fz_should_fail())
        return NULL;
    void *p = realloc(ptr, size);
    if (p && !ptr)
        fz_live++;
    return p;
}

static void fz_free(void *ptr)
{
    if (ptr)
        fz_live--;
    free(ptr);
}

static const sitrep_mem fz_mem = {fz_calloc, fz_realloc, fz_free};

/* ---- a growable output sink ---- */

typedef struct fz_sink {
    char *data;
    size_t len, cap;
    const char *src; /* when set, write_text pieces must come from here */
    size_t srclen;
    int fail_after;  /* >= 0: the write call with this index returns non-zero */
    int calls;
} fz_sink;

static void fz_sink_put(fz_sink *s, const char *data, size_t len)
{
    if (s->len + len + 1 > s->cap) {
        size_t nc = s->cap ? s->cap : 256;
        while (nc < s->len + len + 1)
            nc *= 2;
        char *p = realloc(s->data, nc);
        FZ_ASSERT(p != NULL);
        s->data = p;
        s->cap = nc;
    }
    if (len)
        memcpy(s->data + s->len, data, len);
    s->len += len;
    s->data[s->len] = '\0';
}

static void fz_sink_free(fz_sink *s)
{
    free(s->data);
    memset(s, 0, sizeof *s);
}

/* write_text: every piece is either a range of the analysed text (the
 * input, or a web page's copy with its references decoded) or a separator
 * (" ", "\n", "\n\n"). */
static int fz_text_cb(const char *data, size_t len, void *ctx)
{
    fz_sink *s = ctx;
    if (s->fail_after >= 0 && s->calls++ >= s->fail_after)
        return 1;
    if (len) {
        uintptr_t d = (uintptr_t)data, b = (uintptr_t)s->src;
        bool inside = d >= b && d + len <= b + s->srclen;
        bool sep = (len == 1 && (data[0] == ' ' || data[0] == '\n')) ||
                   (len == 2 && data[0] == '\n' && data[1] == '\n');
        FZ_ASSERT(inside || sep);
    }
    fz_sink_put(s, data, len);
    return 0;
}

static int fz_json_cb(const char *data, size_t len, void *ctx)
{
    fz_sink *s = ctx;
    if (s->fail_after >= 0 && s->calls++ >= s->fail_after)
        return 1;
    fz_sink_put(s, data, len);
    return 0;
}

/* ---- invariants ---- */

static bool fz_is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* [start, end) lies in the input and starts and ends on code points. */
static void fz_check_span(const char *src, size_t len, uint32_t start, uint32_t end)
{
    FZ_ASSERT(start <= end);
    FZ_ASSERT(end <= len);
    if (start < len)
        FZ_ASSERT(!fz_is_cont((unsigned char)src[start]));
    if (end < len)
        FZ_ASSERT(!fz_is_cont((unsigned char)src[end]));
}

/* A NULL or valid UTF-8 string without NUL (jansson validates). */
static void fz_check_str(const char *s)
{
    if (!s)
        return;
    json_t *j = json_string(s);
    FZ_ASSERT(j != NULL);
    json_decref(j);
}

static void fz_check_date(const char *s)
{
    if (!s)
        return;
    FZ_ASSERT(strlen(s) == 10);
    for (int i = 0; i < 10; i++)
        FZ_ASSERT((i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9'));
}

static const char *fz_jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Every field of the document through the public API.  `expect_src` (may
 * be NULL) is the input the document must borrow. */
static void fz_check_doc_body(const sitrep_doc *doc, const char *expect_src, size_t expect_len);

static void fz_check_doc(const sitrep_doc *doc, const char *expect_src, size_t expect_len)
{
    /* no injected failure inside the checks (write_json allocates) */
    long fail_at = fz_fail_at, count = fz_count;
    fz_fail_at = -1;
    fz_check_doc_body(doc, expect_src, expect_len);
    fz_fail_at = fail_at;
    fz_count = count;
}

static void fz_check_doc_body(const sitrep_doc *doc, const char *expect_src, size_t expect_len)
{
    size_t input_len = (size_t)-1;
    const char *input = sitrep_doc_source(doc, &input_len);
    FZ_ASSERT(input != NULL);
    if (expect_src) {
        FZ_ASSERT(input == expect_src);
        FZ_ASSERT(input_len == expect_len);
    }
    /* the accessors' offsets point into the analysed text: the input, a
     * web page's copy with its character references decoded (shorter), or
     * a copy of text whose case says nothing given the case of edited
     * prose (truecase.h: only letters' case changes, each keeping its byte
     * length), each offset mapping back into the input in order */
    size_t len = (size_t)-1;
    const char *src = sitrep_doc_analysed_text(doc, &len);
    FZ_ASSERT(src != NULL && len <= input_len);
    if (src != input && len == input_len)
        for (size_t k = 0; k < len; k++)
            FZ_ASSERT((src[k] | 0x20) == (input[k] | 0x20));
    const char *id = sitrep_doc_id(doc);
    FZ_ASSERT(id != NULL);
    json_t *jid = json_string(id);
    bool id_ok = jid != NULL; /* an invalid id vanishes from the JSON */
    json_decref(jid);
    if (!fz_skip_known())
        FZ_ASSERT(id_ok);
    bool check_id = id_ok || !fz_skip_known();
    fz_check_str(sitrep_doc_title(doc));
    fz_check_str(sitrep_doc_outlet(doc));
    fz_check_str(sitrep_doc_url(doc));
    fz_check_date(sitrep_doc_published(doc));
    const char *basis = (const char *)1;
    const char *inferred = sitrep_doc_published_inferred(doc, &basis);
    fz_check_date(inferred);
    FZ_ASSERT(basis != (const char *)1);
    if (inferred)
        FZ_ASSERT(basis != NULL);
    fz_check_str(basis);
    sitrep_doc_published_inferred(doc, NULL);
    size_t nb = sitrep_doc_byline_count(doc);
    for (size_t i = 0; i < nb; i++) {
        const char *b = sitrep_doc_byline(doc, i);
        FZ_ASSERT(b != NULL);
        fz_check_str(b);
    }
    FZ_ASSERT(sitrep_doc_byline(doc, nb) == NULL);

    /* dropped spans: in input order, inside the input, known reasons */
    size_t nd = sitrep_doc_dropped_count(doc);
    uint32_t prev_end = 0;
    for (size_t i = 0; i < nd; i++) {
        sitrep_drop_reason why = 0;
        sitrep_span sp = sitrep_doc_dropped(doc, i, &why);
        fz_check_span(src, len, sp.start, sp.end);
        FZ_ASSERT(sp.start >= prev_end);
        prev_end = sp.end;
        FZ_ASSERT(why >= SITREP_DROP_NAVIGATION && why <= SITREP_DROP_TAIL);
        FZ_ASSERT(sitrep_drop_reason_name(why) != NULL);
        sitrep_doc_dropped(doc, i, NULL);
    }

    /* tokens: inside the input, in order, not overlapping, known kinds */
    size_t nt = (size_t)-1;
    const sitrep_token *tok = sitrep_doc_tokens(doc, &nt);
    FZ_ASSERT(nt == 0 || tok != NULL);
    uint32_t prev = 0;
    for (size_t i = 0; i < nt; i++) {
        fz_check_span(src, len, tok[i].start, tok[i].end);
        FZ_ASSERT(tok[i].start < tok[i].end);
        size_t is = sitrep_doc_input_offset(doc, tok[i].start), ie = sitrep_doc_input_offset(doc, tok[i].end);
        fz_check_span(input, input_len, (uint32_t)is, (uint32_t)ie);
        FZ_ASSERT(ie - is >= tok[i].end - tok[i].start);
        FZ_ASSERT(tok[i].start >= prev);
        prev = tok[i].end;
        FZ_ASSERT(tok[i].kind >= SITREP_TOK_WORD && tok[i].kind <= SITREP_TOK_SYMBOL);
        FZ_ASSERT((tok[i].flags & ~0x3Fu) == 0);
    }

    /* sentences: consecutive non-empty runs of tokens covering their span */
    size_t ns = (size_t)-1;
    const sitrep_sentence *sen = sitrep_doc_sentences(doc, &ns);
    FZ_ASSERT(ns == 0 || sen != NULL);
    size_t next_first = 0;
    for (size_t i = 0; i < ns; i++) {
        FZ_ASSERT(sen[i].count > 0);
        FZ_ASSERT(sen[i].first >= next_first);
        FZ_ASSERT((size_t)sen[i].first + sen[i].count <= nt);
        next_first = (size_t)sen[i].first + sen[i].count;
        fz_check_span(src, len, sen[i].span.start, sen[i].span.end);
        FZ_ASSERT(sen[i].span.start <= tok[sen[i].first].start);
        FZ_ASSERT(sen[i].span.end >= tok[sen[i].first + sen[i].count - 1].end);
        FZ_ASSERT(tok[sen[i].first].flags & SITREP_TOKF_SENT_START);
    }

    /* write_text: pieces of the input and separators, valid UTF-8 */
    fz_sink text = {.src = src, .srclen = len, .fail_after = -1}; /* pieces of the analysed text */
    FZ_ASSERT(sitrep_doc_write_text(doc, fz_text_cb, &text) == SITREP_OK);
    if (text.len) {
        json_t *j = json_stringn(text.data, text.len);
        FZ_ASSERT(j != NULL); /* valid UTF-8 */
        json_decref(j);
    }

    /* write_json, with and without the text: one line of one object */
    for (int pass = 0; pass < 2; pass++) {
        unsigned flags = pass ? SITREP_JSON_TEXT : 0;
        fz_sink js = {.fail_after = -1};
        FZ_ASSERT(sitrep_doc_write_json(doc, flags, fz_json_cb, &js) == SITREP_OK);
        FZ_ASSERT(js.len > 1 && js.data[js.len - 1] == '\n');
        FZ_ASSERT(memchr(js.data, '\n', js.len - 1) == NULL);
        json_error_t err;
        json_t *o = json_loadb(js.data, js.len - 1, JSON_REJECT_DUPLICATES, &err);
        if (!o)
            fprintf(stderr, "bad JSON: %s\n", err.text);
        FZ_ASSERT(o != NULL);
        FZ_ASSERT(json_is_object(o));
        FZ_ASSERT(fz_jstr(o, "type") && strcmp(fz_jstr(o, "type"), "document") == 0);
        if (check_id)
            FZ_ASSERT(fz_jstr(o, "id") && strcmp(fz_jstr(o, "id"), id) == 0);
        static const char *const keys[] = {"title", "outlet", "published", "published_inferred",
                                           "published_basis", "url", "story", "duplicate_of",
                                           "byline", "dropped", "sentences", "tokens", NULL};
        for (size_t k = 0; keys[k]; k++)
            FZ_ASSERT(json_object_get(o, keys[k]) != NULL);
        const char *t = sitrep_doc_title(doc);
        FZ_ASSERT(t ? (fz_jstr(o, "title") && strcmp(fz_jstr(o, "title"), t) == 0)
                    : json_is_null(json_object_get(o, "title")));
        FZ_ASSERT(json_integer_value(json_object_get(o, "tokens")) == (json_int_t)nt);
        FZ_ASSERT(json_integer_value(json_object_get(o, "sentences")) == (json_int_t)ns);
        FZ_ASSERT(json_array_size(json_object_get(o, "byline")) == nb);
        json_t *dropped = json_object_get(o, "dropped");
        FZ_ASSERT(json_is_array(dropped) && json_array_size(dropped) == nd);
        for (size_t i = 0; i < nd; i++) {
            json_t *s = json_array_get(dropped, i);
            sitrep_drop_reason why;
            sitrep_span sp = sitrep_doc_dropped(doc, i, &why);
            /* the record's spans are the input's bytes the analysed text stands for */
            size_t is = sitrep_doc_input_offset(doc, sp.start), ie = sitrep_doc_input_offset(doc, sp.end);
            FZ_ASSERT(json_integer_value(json_object_get(s, "start")) == (json_int_t)is);
            FZ_ASSERT(json_integer_value(json_object_get(s, "end")) == (json_int_t)ie);
            const char *q = fz_jstr(s, "quote");
            json_t *jq = json_object_get(s, "quote");
            FZ_ASSERT(q != NULL); /* missing when the span is not valid UTF-8 */
            FZ_ASSERT(ie >= is && json_string_length(jq) == ie - is);
            FZ_ASSERT(memcmp(q, input + is, ie - is) == 0);
            if (check_id)
                FZ_ASSERT(fz_jstr(s, "doc") && strcmp(fz_jstr(s, "doc"), id) == 0);
            FZ_ASSERT(fz_jstr(s, "reason") &&
                      strcmp(fz_jstr(s, "reason"), sitrep_drop_reason_name(why)) == 0);
        }
        if (flags & SITREP_JSON_TEXT) {
            json_t *jt = json_object_get(o, "text");
            FZ_ASSERT(json_is_string(jt));
            FZ_ASSERT(json_string_length(jt) == text.len);
            FZ_ASSERT(text.len == 0 || memcmp(json_string_value(jt), text.data, text.len) == 0);
        }
        json_decref(o);
        fz_sink_free(&js);
    }

    /* a writer that refuses output must make both writers stop with EIO */
    fz_sink stop = {.src = src, .srclen = len, .fail_after = 0};
    sitrep_status st = sitrep_doc_write_json(doc, 0, fz_json_cb, &stop);
    FZ_ASSERT(st == SITREP_EIO);
    fz_sink_free(&stop);
    if (text.len) {
        fz_sink stop2 = {.src = src, .srclen = len, .fail_after = 0};
        FZ_ASSERT(sitrep_doc_write_text(doc, fz_text_cb, &stop2) == SITREP_EIO);
        fz_sink_free(&stop2);
    }
    fz_sink_free(&text);
}

/* Every status the library may return has a name. */
static void fz_check_status(sitrep_status st)
{
    FZ_ASSERT(st >= SITREP_OK && st <= SITREP_EDB);
    FZ_ASSERT(sitrep_strerror(st) != NULL);
}

/* FNV-1a of the input: the targets derive their choices from it. */
static inline uint32_t fz_hash(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

#endif
