/*
 * doc.c -- accessors of sitrep_doc and its release.
 */
#include "doc.h"


#include "analyse/claims.h"
#include "analyse/entities.h"
#include "analyse/events.h"
#include "analyse/figures.h"
#include "analyse/times.h"

#include <math.h>
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

/* ---- entities ---- */

const char *sitrep_entity_kind_name(sitrep_entity_kind kind)
{
    static const char *const names[] = {NULL,       "armed_group", "organization", "government",
                                        "military", "person",      "place",        "media"};
    return (unsigned)kind < sizeof names / sizeof *names && names[kind] ? names[kind] : "unknown";
}

size_t sitrep_doc_entity_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->entities, sr_entity);
}

sitrep_status sitrep_doc_entity(const sitrep_doc *doc, size_t i, sitrep_entity *out)
{
    if (out == NULL || i >= sitrep_doc_entity_count(doc))
        return SITREP_EARG;
    *out = ((const sr_entity *)(const void *)doc->entities.data)[i].e;
    return SITREP_OK;
}

const sitrep_mention *sitrep_doc_mentions(const sitrep_doc *doc, size_t *count)
{
    if (count)
        *count = SR_VEC_COUNT(&doc->mentions, sitrep_mention);
    return (const sitrep_mention *)(const void *)doc->mentions.data;
}

/* ---- time expressions and figures ---- */

size_t sitrep_doc_time_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->times, sr_time);
}

sitrep_status sitrep_doc_time(const sitrep_doc *doc, size_t i, sitrep_time *out)
{
    if (out == NULL || i >= sitrep_doc_time_count(doc))
        return SITREP_EARG;
    const sr_time *t = &((const sr_time *)(const void *)doc->times.data)[i];
    memset(out, 0, sizeof *out);
    out->span.start = t->start;
    out->span.end = t->end;
    if (t->from.year)
        sr_date_iso(&t->from, out->from);
    if (t->to.year)
        sr_date_iso(&t->to, out->to);
    out->precision = sr_precision_name(t->precision);
    out->kind = sr_time_kind_name(t->kind);
    out->duration = t->duration[0] ? t->duration : NULL;
    return SITREP_OK;
}

size_t sitrep_doc_figure_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->figures, sr_figure);
}

sitrep_status sitrep_doc_figure(const sitrep_doc *doc, size_t i, sitrep_figure *out)
{
    if (out == NULL || i >= sitrep_doc_figure_count(doc))
        return SITREP_EARG;
    const sr_figure *f = &((const sr_figure *)(const void *)doc->figures.data)[i];
    memset(out, 0, sizeof *out);
    out->span.start = f->start;
    out->span.end = f->end;
    out->low = f->low;
    out->high = f->high;
    out->qualifier = sr_qualifier_name(f->qualifier);
    out->unit = f->unit[0] ? f->unit : NULL;
    out->measure.start = f->measure_start;
    out->measure.end = f->measure_end;
    return SITREP_OK;
}

/* ---- claims and events ---- */

size_t sitrep_doc_claim_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->claims, sr_claim);
}

static const char *entity_name(const sitrep_doc *doc, int32_t e)
{
    if (e < 0 || (size_t)e >= SR_VEC_COUNT(&doc->entities, sr_entity))
        return NULL;
    return SR_VEC_AT(&doc->entities, sr_entity, e).e.name;
}

sitrep_status sitrep_doc_claim(const sitrep_doc *doc, size_t i, sitrep_claim *out)
{
    if (out == NULL || i >= sitrep_doc_claim_count(doc))
        return SITREP_EARG;
    const sr_claim *c = &SR_VEC_AT(&doc->claims, sr_claim, i);
    memset(out, 0, sizeof *out);
    out->measure = c->measure;
    out->low = c->low;
    out->high = c->high;
    out->qualifier = sr_qualifier_name(c->qualifier);
    out->actor = entity_name(doc, c->actor);
    out->attributed_to = c->source >= 0 ? entity_name(doc, c->source) : c->source_text;
    for (size_t k = 0; k < c->nplaces && out->place_count < 4; k++) {
        const char *n = entity_name(doc, c->places[k]);
        if (n) {
            out->place_countries[out->place_count] =
                SR_VEC_AT(&doc->entities, sr_entity, c->places[k]).e.country;
            out->places[out->place_count++] = n;
        }
    }
    if (c->from.year) {
        sr_date_iso(&c->from, out->period_start);
        sr_date_iso(&c->to, out->period_end);
    }
    if (c->said.year)
        sr_date_iso(&c->said, out->said_on);
    out->span_count = c->nspans;
    return SITREP_OK;
}

sitrep_span sitrep_doc_claim_span(const sitrep_doc *doc, size_t i, size_t k, sitrep_span *figure)
{
    sitrep_span sp = {0, 0};
    if (figure)
        *figure = sp;
    if (i >= sitrep_doc_claim_count(doc))
        return sp;
    const sr_claim *c = &SR_VEC_AT(&doc->claims, sr_claim, i);
    if (k >= c->nspans)
        return sp;
    sp.start = c->span_start[k];
    sp.end = c->span_end[k];
    if (figure && c->figure[k] < SR_VEC_COUNT(&doc->figures, sr_figure)) {
        const sr_figure *f = &SR_VEC_AT(&doc->figures, sr_figure, c->figure[k]);
        figure->start = f->start;
        figure->end = f->end;
    }
    return sp;
}

size_t sitrep_doc_event_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->events, sr_event);
}

sitrep_status sitrep_doc_event(const sitrep_doc *doc, size_t i, sitrep_event *out)
{
    if (out == NULL || i >= sitrep_doc_event_count(doc))
        return SITREP_EARG;
    const sr_event *e = &SR_VEC_AT(&doc->events, sr_event, i);
    memset(out, 0, sizeof *out);
    out->event_type = sr_event_type_name(e->sub);
    out->sub_event_type = sr_event_sub_name(e->sub);
    if (e->from.year) {
        sr_date_iso(&e->from, out->date_start);
        sr_date_iso(&e->to, out->date_end);
        out->precision = sr_precision_name(e->precision);
    }
    for (size_t k = 0; k < e->nactors; k++)
        out->actors[out->actor_count++] = e->actors[k];
    out->lat = out->lon = NAN;
    if (e->location >= 0 && (size_t)e->location < SR_VEC_COUNT(&doc->entities, sr_entity)) {
        const sitrep_entity *p = &SR_VEC_AT(&doc->entities, sr_entity, e->location).e;
        out->location = p->name;
        out->country = p->country;
        out->admin1 = p->admin1;
        out->lat = p->lat;
        out->lon = p->lon;
    }
    out->has_fatalities = e->fat_q != 0;
    out->fatalities_low = e->fat_low;
    out->fatalities_high = e->fat_high;
    out->fatalities_qualifier = e->fat_q ? sr_qualifier_name(e->fat_q) : NULL;
    out->has_injured = e->inj_q != 0;
    out->injured_low = e->inj_low;
    out->injured_high = e->inj_high;
    out->injured_qualifier = e->inj_q ? sr_qualifier_name(e->inj_q) : NULL;
    out->trigger.start = e->trigger_start;
    out->trigger.end = e->trigger_end;
    out->span_count = e->nspans;
    return SITREP_OK;
}

sitrep_span sitrep_doc_event_span(const sitrep_doc *doc, size_t i, size_t k)
{
    sitrep_span sp = {0, 0};
    if (i >= sitrep_doc_event_count(doc))
        return sp;
    const sr_event *e = &SR_VEC_AT(&doc->events, sr_event, i);
    if (k < e->nspans) {
        sp.start = e->span_start[k];
        sp.end = e->span_end[k];
    }
    return sp;
}
