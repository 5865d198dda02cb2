/*
 * doc.c -- sitrep_doc's release and the accessors of what reading and
 * cleaning give it (id, metadata, tokens, sentences, dropped lines, the
 * cleaned text).  The accessors of the analysers' results (entities,
 * times, figures, claims, events) are analyse/results.c: this file sits
 * below the analysers and includes none of them.
 */
#include "doc.h"

#include <string.h>

void sitrep_doc_free(sitrep_doc *doc)
{
    if (doc == NULL)
        return;
    const sitrep_mem *mem = doc->mem;
    sr_buf_free(&doc->lines);
    sr_buf_free(&doc->dropped);
    sr_buf_free(&doc->decode_map);
    if (doc->decoded)
        doc->mem->free(doc->decoded);
    sr_buf_free(&doc->inserts);
    sr_buf_free(&doc->tokens);
    sr_buf_free(&doc->sentences);
    sr_buf_free(&doc->entities);
    sr_buf_free(&doc->mentions);
    sr_buf_free(&doc->times);
    sr_buf_free(&doc->figures);
    sr_buf_free(&doc->claims);
    sr_buf_free(&doc->fig_claim);
    sr_buf_free(&doc->events);
    sr_buf_free(&doc->wordinfo);
    if (doc->owned)
        mem->free(doc->owned);
    sr_arena_free(&doc->arena);
    mem->free(doc);
}

void sr_doc_add_byline(sitrep_doc *doc, const char *s, size_t n)
{
    if (doc->nbyline == sizeof doc->byline / sizeof doc->byline[0])
        return;
    for (size_t i = 0; i < doc->nbyline; i++)
        if (strlen(doc->byline[i]) == n && memcmp(doc->byline[i], s, n) == 0)
            return;
    char *p = sr_arena_strndup(&doc->arena, s, n);
    if (p)
        doc->byline[doc->nbyline++] = p;
}

const char *sitrep_doc_id(const sitrep_doc *doc) { return doc->id; }
const char *sitrep_doc_title(const sitrep_doc *doc) { return doc->title; }
const char *sitrep_doc_outlet(const sitrep_doc *doc) { return doc->outlet; }
const char *sitrep_doc_url(const sitrep_doc *doc) { return doc->url; }
const char *sitrep_doc_language(const sitrep_doc *doc) { return doc->language; }
const char *sitrep_doc_published(const sitrep_doc *doc) { return doc->published; }

const char *sitrep_doc_source(const sitrep_doc *doc, size_t *len)
{
    if (len)
        *len = doc->input_len;
    return doc->input;
}

const char *sitrep_doc_analysed_text(const sitrep_doc *doc, size_t *len)
{
    if (len)
        *len = doc->len;
    return doc->src;
}

uint32_t sr_doc_input_pos(const sitrep_doc *doc, uint32_t pos)
{
    size_t lo = 0, hi = SR_VEC_COUNT(&doc->decode_map, sr_decode_step);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (SR_VEC_AT(&doc->decode_map, sr_decode_step, mid).at <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? (uint32_t)((int64_t)pos + SR_VEC_AT(&doc->decode_map, sr_decode_step, lo - 1).delta) : pos;
}

size_t sitrep_doc_input_offset(const sitrep_doc *doc, size_t offset)
{
    return doc ? sr_doc_input_pos(doc, (uint32_t)offset) : offset;
}

const char *sitrep_doc_published_inferred(const sitrep_doc *doc, const char **basis)
{
    if (basis)
        *basis = doc->published_basis;
    return doc->published_inferred;
}

size_t sitrep_doc_byline_count(const sitrep_doc *doc) { return doc->nbyline; }

const char *sitrep_doc_byline(const sitrep_doc *doc, size_t i)
{
    return i < doc->nbyline ? doc->byline[i] : NULL;
}

const sitrep_token *sitrep_doc_tokens(const sitrep_doc *doc, size_t *count)
{
    if (count)
        *count = SR_VEC_COUNT(&doc->tokens, sitrep_token);
    return (const sitrep_token *)(const void *)doc->tokens.data;
}

const sitrep_sentence *sitrep_doc_sentences(const sitrep_doc *doc, size_t *count)
{
    if (count)
        *count = SR_VEC_COUNT(&doc->sentences, sitrep_sentence);
    return (const sitrep_sentence *)(const void *)doc->sentences.data;
}

/* Two dropped lines of one paragraph are one span when little lies
 * between them (the inline tags of a sentence); lines of different
 * paragraphs when only white space does (a plain-text block of menu
 * lines).  A web page's boilerplate is so quoted block by block, never
 * as one span over the page's markup. */
#define SR_DROPPED_GAP 160

static bool blank_between(const sitrep_doc *doc, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to && k < doc->len; k++)
        if (doc->src[k] != ' ' && doc->src[k] != '\t' && doc->src[k] != '\n' && doc->src[k] != '\r' &&
            doc->src[k] != '\f')
            return false;
    return true;
}

/* Dropped spans: runs of dropped lines with one reason, merged as said
 * above. */
sitrep_status sr_doc_index_dropped(sitrep_doc *doc)
{
    size_t n = SR_VEC_COUNT(&doc->lines, sr_line);
    const sr_line *L = (const sr_line *)(const void *)doc->lines.data;
    doc->dropped.len = 0;
    for (size_t i = 0; i < n;) {
        if (!L[i].drop || (L[i].flags & SR_LINE_UNLISTED)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && L[j].drop == L[i].drop && !(L[j].flags & SR_LINE_UNLISTED) &&
               (L[j].para == L[j - 1].para ? !(L[j].flags & SR_LINE_INLINE) || L[j].start - L[j - 1].end <= SR_DROPPED_GAP
                                           : blank_between(doc, L[j - 1].end, L[j].start)))
            j++;
        sr_dropped d = {{L[i].start, L[j - 1].end}, (uint8_t)L[i].drop};
        if (!SR_VEC_PUSH(&doc->dropped, sr_dropped, d))
            return SITREP_ENOMEM;
        i = j;
    }
    return SITREP_OK;
}

size_t sitrep_doc_dropped_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->dropped, sr_dropped);
}

sitrep_span sitrep_doc_dropped(const sitrep_doc *doc, size_t i, sitrep_drop_reason *reason)
{
    sitrep_span s = {0, 0};
    if (i >= sitrep_doc_dropped_count(doc))
        return s;
    const sr_dropped *d = &SR_VEC_AT(&doc->dropped, sr_dropped, i);
    if (reason)
        *reason = (sitrep_drop_reason)d->reason;
    return d->span;
}

const char *sitrep_drop_reason_name(sitrep_drop_reason reason)
{
    switch (reason) {
    case SITREP_DROP_NAVIGATION: return "navigation";
    case SITREP_DROP_SECTION: return "section";
    case SITREP_DROP_HEADER: return "header";
    case SITREP_DROP_BYLINE: return "byline";
    case SITREP_DROP_CAPTION: return "caption";
    case SITREP_DROP_TEASER: return "teaser";
    case SITREP_DROP_PROMPT: return "prompt";
    case SITREP_DROP_DISCLAIMER: return "disclaimer";
    case SITREP_DROP_TAIL: return "related";
    }
    return "unknown";
}

/* The text the stages read (a web page's references decoded already). */
static int put_text(const sitrep_doc *doc, const char *s, size_t n, sitrep_write_fn write, void *ctx)
{
    (void)doc;
    return write(s, n, ctx);
}

sitrep_status sitrep_doc_write_text(const sitrep_doc *doc, sitrep_write_fn write, void *ctx)
{
    size_t n = SR_VEC_COUNT(&doc->lines, sr_line);
    const sr_line *L = (const sr_line *)(const void *)doc->lines.data;
    const uint32_t *ins = (const uint32_t *)(const void *)doc->inserts.data;
    size_t nins = SR_VEC_COUNT(&doc->inserts, uint32_t), k = 0;
    bool first = true;
    uint32_t para = 0;
    for (size_t i = 0; i < n; i++) {
        if (L[i].drop)
            continue;
        if (!first && (L[i].flags & SR_LINE_INLINE) && L[i].para == para) {
            /* a run of the same web-page block: a space where the page had
             * blanks between the runs */
            bool gap = i > 0 && L[i].start > L[i - 1].end &&
                       (doc->src[L[i].start - 1] == ' ' || doc->src[L[i].start - 1] == '\n' ||
                        doc->src[L[i - 1].end] == ' ' || doc->src[L[i - 1].end] == '\n' ||
                        doc->src[L[i - 1].end] == '\t' || doc->src[L[i].start - 1] == '\t');
            if (gap && write(" ", 1, ctx))
                return SITREP_EIO;
        } else if (!first && write(L[i].para == para ? "\n" : "\n\n", L[i].para == para ? 1 : 2, ctx)) {
            return SITREP_EIO;
        }
        first = false;
        para = L[i].para;
        uint32_t at = L[i].start;
        while (k < nins && ins[k] < at)
            k++;
        for (; k < nins && ins[k] < L[i].end; k++) {
            if (put_text(doc, doc->src + at, ins[k] - at, write, ctx) || write(" ", 1, ctx))
                return SITREP_EIO;
            at = ins[k];
        }
        if (put_text(doc, doc->src + at, L[i].end - at, write, ctx))
            return SITREP_EIO;
    }
    return SITREP_OK;
}
