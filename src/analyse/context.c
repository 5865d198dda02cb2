/*
 * context.c -- per-token index of mentions, times and figures (context.h).
 */
#include "analyse/context.h"

#include "analyse/entities.h"
#include "analyse/figures.h"
#include "analyse/times.h"
#include "analyse/wordinfo.h"
#include "data/lexicon.h"

#include <stddef.h>
#include <string.h>

size_t sr_context_token_search(const sr_context *c, uint32_t start)
{
    size_t lo = 0, hi = c->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->tok[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Marks field `off` of the tokens that start inside [start, end) with `v`
 * ("Syria's" is one token holding the mention "Syria"). */
static void mark(sr_context *c, uint32_t start, uint32_t end, size_t off, int32_t v)
{
    size_t i = sr_context_token_at(c, start);
    if (i > 0 && c->tok[i - 1].end > start)
        i--; /* a mention that starts inside a token */
    for (; i < c->ntok && c->tok[i].start < end; i++)
        memcpy((char *)&c->at[i] + off, &v, sizeof v);
}


/* Is [start, end) the date of a dateline ("OUAGADOUGOU, March 12
 * (Reuters) -", "KYIV, Ukraine, May 3, 2025 --")?  It says when the
 * article was filed, not when anything in its sentence happened, so the
 * later stages do not see it as a time of the text. */
static bool dateline_time(const sr_context *c, uint32_t start, uint32_t end)
{
    size_t t0 = sr_context_token_at(c, start);
    if (t0 == 0 || t0 >= c->ntok || !sr_tok_char(c, t0 - 1, ','))
        return false;
    /* the paragraph opens with a place in capitals, at most a few words
     * (", Country") before the date */
    size_t p = t0 - 1;
    while (p > 0 && t0 - p < 10 && !(c->tok[p].flags & SITREP_TOKF_PARA_START))
        p--;
    if (!(c->tok[p].flags & SITREP_TOKF_PARA_START) || !((c->tok[p].flags & SITREP_TOKF_ALLCAPS) || c->doc->caseless))
        return false;
    for (size_t k = p + 1; k + 1 < t0; k++)
        if (!sr_tok_char(c, k, ',') && !sr_tok_char(c, k, '.') && !(c->tok[k].flags & SITREP_TOKF_CAP))
            return false;
    /* then, past an optional "(Reuters)", a dash */
    size_t k = sr_context_token_at(c, end);
    if (k < c->ntok && sr_tok_char(c, k, '(')) {
        size_t q = k + 1;
        while (q < c->ntok && q < k + 8 && !sr_tok_char(c, q, ')'))
            q++;
        if (q >= c->ntok || !sr_tok_char(c, q, ')'))
            return false;
        k = q + 1;
    }
    return sr_tok_dash(c, k);
}

sitrep_status sr_context_build(const sitrep_doc *doc, sr_context *c)
{
    memset(c, 0, sizeof *c);
    c->dominant = SR_DOMINANT_UNASKED;
    /* every buffer ready before the first return: sr_context_free frees them all */
    sr_buf_init(&c->men_buf, doc->mem);
    sr_buf_init(&c->buf, doc->mem);
    sr_buf_init(&c->wi_scratch, doc->mem);
    c->doc = doc;
    c->src = doc->src;
    c->tok = sitrep_doc_tokens(doc, &c->ntok);
    c->sen = sitrep_doc_sentences(doc, &c->nsen);
    c->men = sitrep_doc_mentions(doc, &c->nmen);
    /* the stages read the words as the names say, not by their second
     * readings (SITREP_MENTION_READING: a country's government beside the
     * place, "Iraqi officials" as the state's): those stay out of the
     * context */
    size_t nread = 0;
    for (size_t m = 0; m < c->nmen; m++)
        nread += (c->men[m].flags & SITREP_MENTION_READING) != 0;
    if (nread) {
        if (!sr_buf_reserve(&c->men_buf, (c->nmen - nread) * sizeof(sitrep_mention) + 1))
            return SITREP_ENOMEM;
        sitrep_mention *own = (sitrep_mention *)(void *)c->men_buf.data;
        size_t w = 0;
        for (size_t m = 0; m < c->nmen; m++)
            if (!(c->men[m].flags & SITREP_MENTION_READING))
                own[w++] = c->men[m];
        c->men = own;
        c->nmen = w;
    }
    c->ent = (const sr_entity *)(const void *)doc->entities.data;
    c->nent = SR_VEC_COUNT(&doc->entities, sr_entity);
    c->times = (const sr_time *)(const void *)doc->times.data;
    c->ntimes = SR_VEC_COUNT(&doc->times, sr_time);
    c->figs = (const sr_figure *)(const void *)doc->figures.data;
    c->nfigs = SR_VEC_COUNT(&doc->figures, sr_figure);
    c->wi = sr_word_info_of(doc, &c->wi_scratch);
    if (c->wi == NULL)
        return SITREP_ENOMEM;
    size_t n = c->ntok ? c->ntok : 1;
    size_t cls_bytes = (c->nsen ? c->nsen : 1) * sizeof *c->sen_cls;
    /* blocks up to the last token's start (sr_context_token_at) */
    size_t nblk = c->ntok ? ((size_t)c->tok[c->ntok - 1].start >> SR_TOK_BLOCK_SHIFT) + 1 : 0;
    if (!sr_buf_reserve(&c->buf, cls_bytes + n * (sizeof(sr_tokctx) + sizeof(uint32_t)) + nblk * sizeof(uint32_t)))
        return SITREP_ENOMEM;
    /* the class masks first: the buffer's start is aligned for uint64_t */
    c->sen_cls = (uint64_t *)(void *)c->buf.data;
    c->at = (sr_tokctx *)(void *)(c->buf.data + cls_bytes);
    c->sent_of = (uint32_t *)(void *)(c->at + n);
    uint32_t *blk = c->sent_of + n;
    for (size_t b = 0, i = 0; b < nblk; b++) {
        while (i < c->ntok && c->tok[i].start < (b << SR_TOK_BLOCK_SHIFT))
            i++;
        blk[b] = (uint32_t)i;
    }
    c->tok_blk = blk;
    c->nblk = nblk;
    memset(c->at, 0xFF, n * sizeof(sr_tokctx)); /* every field -1 */
    memset(c->sent_of, 0xFF, n * sizeof(uint32_t)); /* in no sentence */
    for (size_t s = 0; s < c->nsen; s++) {
        uint64_t m = 0;
        for (size_t i = c->sen[s].first; i < (size_t)c->sen[s].first + c->sen[s].count && i < c->ntok; i++) {
            c->sent_of[i] = (uint32_t)s;
            m |= sr_lex_hot[c->wi[i].lex]; /* 0 for no entry */
        }
        c->sen_cls[s] = m;
    }
    /* each word gets the last mention covering it, up to the end of its
     * name: the people a group's mention takes in after the name
     * ("fighters" in "ISIL fighters") belong to none, a person's title to
     * the person; a place's mention from its name on ("northern" and "the
     * city of" in "the city of Mosul" are words of the sentence) */
    for (size_t m = 0; m < c->nmen; m++) {
        bool named = c->men[m].name.end > c->men[m].name.start;
        uint32_t end = named ? c->men[m].name.end : c->men[m].span.end;
        uint32_t start = c->men[m].span.start;
        if (named && c->men[m].entity < c->nent && c->ent[c->men[m].entity].e.kind == SITREP_ENTITY_PLACE)
            start = c->men[m].name.start;
        mark(c, start, end, offsetof(sr_tokctx, mention), (int32_t)m);
    }
    for (size_t t = 0; t < c->ntimes; t++)
        if (!dateline_time(c, c->times[t].start, c->times[t].end))
            mark(c, c->times[t].start, c->times[t].end, offsetof(sr_tokctx, time), (int32_t)t);
    for (size_t f = 0; f < c->nfigs; f++) {
        mark(c, c->figs[f].start, c->figs[f].end, offsetof(sr_tokctx, figure), (int32_t)f);
        if (c->figs[f].measure_end > c->figs[f].measure_start)
            mark(c, c->figs[f].measure_start, c->figs[f].measure_end, offsetof(sr_tokctx, measure),
                 (int32_t)f);
    }
    return SITREP_OK;
}

void sr_context_free(sr_context *c)
{
    sr_buf_free(&c->buf);
    sr_buf_free(&c->wi_scratch);
    sr_buf_free(&c->men_buf);
    c->at = NULL;
    c->sent_of = NULL;
    c->sen_cls = NULL;
    c->tok_blk = NULL;
    c->nblk = 0;
}

static size_t tlen(const sr_context *c, size_t i) { return c->tok[i].end - c->tok[i].start; }

bool sr_tok_in(const sr_context *c, size_t i, const char *const *ws)
{
    if (i >= c->ntok || c->tok[i].kind != SITREP_TOK_WORD)
        return false;
    const char *s = c->src + c->tok[i].start;
    size_t n = c->tok[i].end - c->tok[i].start;
    char first = (char)(s[0] | 0x20);
    for (; *ws; ws++) {
        const char *w = *ws;
        if (w[0] != first) /* the first byte screens almost every word */
            continue;
        size_t k = 1;
        while (k < n && w[k] && (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]) == w[k])
            k++;
        if (k == n && w[k] == '\0')
            return true;
    }
    return false;
}

bool sr_tok_stem(const sr_context *c, size_t i, const char *prefix, size_t extra)
{
    if (i >= c->ntok || c->tok[i].kind != SITREP_TOK_WORD)
        return false;
    size_t n = strlen(prefix), l = tlen(c, i);
    if (l < n || l > n + extra)
        return false;
    const char *s = c->src + c->tok[i].start;
    for (size_t k = 0; k < n; k++) {
        char a = s[k];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (a != prefix[k])
            return false;
    }
    return true;
}

bool sr_entity_is_country(const sr_entity *e)
{
    return e && e->e.kind == SITREP_ENTITY_PLACE && e->e.feature && strcmp(e->e.feature, "country") == 0;
}



size_t sr_tok_phrase_at(const sr_context *c, size_t i, size_t hi, enum sr_lexclass k, sr_lexid *id)
{
    sr_lexid got = 0;
    if (id)
        *id = 0;
    if (hi > c->ntok)
        hi = c->ntok;
    if (i >= hi)
        return 0;
    sr_lexid first = c->wi[i].lex;
    if (!sr_lex_in(first, k) && !sr_lex_heads(first, k))
        return 0; /* the usual answer, from one bit test */
    const char *w[8];
    size_t wl[8], n = 0;
    for (size_t j = i; j < hi && n < 8; j++, n++) {
        w[n] = c->src + c->tok[j].start;
        wl[n] = c->tok[j].end - c->tok[j].start;
    }
    size_t m = sr_lex_phrase(k, w, wl, n, first, &got);
    if (id)
        *id = got;
    return m;
}
