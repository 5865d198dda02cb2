/*
 * terms.c -- what the story linking reads of an article: its terms.
 *
 * A term is a word of the title or the text folded to lower case (a
 * possessive 's cut), a number as written, or two adjacent such words of
 * one sentence ("police_chief", "magnitude_4.4"); closed-class words
 * ("the", "of") are no terms and part two words.  A capitalised word
 * inside a sentence (a name) counts rules.name_weight times.  The first
 * rules.terms_cap distinct terms in reading order are kept, with their
 * counts: the title and the lead say what happened.  Then, within the
 * same cap, the country of the places and nationalities it names and the
 * province of its places, each once, as terms of their own: "the Peruvian
 * town of X" and "Y, Peru" (two towns of one region) share no word, yet
 * name one country and one province (a one-sentence item rarely repeats a
 * name; a long article has spent its terms on its own words by then).
 *
 * The terms depend only on the article, never on the corpus: their
 * weights (TF-IDF) are worked out when the corpus is finished, from the
 * document frequencies of every article then there, so the stories do not
 * depend on the order the articles came in and partial corpora merge.
 */
#include "corpus/corpus.h"

#include "cluster/rules.h"
#include "data/lexicon.h"
#include "wordhash.h"

#include <stdio.h>
#include <string.h>

#define TERM_SLOTS 512 /* a power of two above twice any terms_cap */

typedef struct term_acc {
    uint32_t keys[TERM_SLOTS]; /* term hash, 0 empty */
    uint16_t at[TERM_SLOTS];   /* its index in terms[] */
    uint32_t hash[TERM_SLOTS / 2];
    uint32_t count[TERM_SLOTS / 2];
    unsigned n, cap;
} term_acc;

/* The slot of a term's 32-bit hash *h (never 0): where it is, or the empty
 * slot where it would go. */
static size_t term_slot(const term_acc *a, uint64_t h64, uint32_t *h)
{
    *h = (uint32_t)(h64 ^ (h64 >> 32));
    if (!*h)
        *h = 1;
    size_t k = *h & (TERM_SLOTS - 1);
    while (a->keys[k] && a->keys[k] != *h)
        k = (k + 1) & (TERM_SLOTS - 1);
    return k;
}

static void term_add(term_acc *a, uint64_t h64, unsigned weight)
{
    uint32_t h;
    size_t k = term_slot(a, h64, &h);
    if (a->keys[k]) {
        a->count[a->at[k]] += weight;
        return;
    }
    if (a->n >= a->cap)
        return; /* the first terms_cap distinct terms are kept */
    a->keys[k] = h;
    a->at[k] = (uint16_t)a->n;
    a->hash[a->n] = h;
    a->count[a->n++] = weight;
}

/* Adds a term once: a count of 1 however often it is added. */
static void term_once(term_acc *a, uint64_t h64)
{
    uint32_t h;
    if (!a->keys[term_slot(a, h64, &h)])
        term_add(a, h64, 1);
}

/* The bigram of two word hashes: order matters ("police_chief"). */
static uint64_t pair_hash(uint64_t a, uint64_t b)
{
    return sr_mix64(a * 0x9E3779B97F4A7C15ull ^ b);
}

/* A word's length without a possessive ('s or the 3-byte ’ then s). */
static size_t word_len(const char *w, size_t n)
{
    if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'')
        return n - 2;
    if (n > 4 && w[n - 1] == 's' && (unsigned char)w[n - 4] == 0xE2 && (unsigned char)w[n - 3] == 0x80 &&
        (unsigned char)w[n - 2] == 0x99)
        return n - 4;
    return n;
}

/* One word (or number) of a sentence: its term, and the bigram with the
 * word before it.  *prev is the hash of the previous term word, 0 after a
 * break. */
static void add_word(term_acc *a, const char *w, size_t n, bool number, bool name, uint64_t *prev)
{
    if (!number)
        n = word_len(w, n);
    if (n == 0 || (!number && n < 2)) {
        *prev = 0;
        return;
    }
    uint64_t h = sr_word_hash(w, n);
    if (!number && sr_wordset_has_hash(&sr_function_words, h)) {
        *prev = 0;
        return;
    }
    term_add(a, h, name ? sr_story_rules_default.name_weight : 1);
    if (*prev)
        term_add(a, pair_hash(*prev, h), 1);
    *prev = h;
}

static bool is_word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

/* The title's words: runs of letters, digits and non-ASCII bytes with
 * inner hyphens, apostrophes and dots. */
static void add_title(term_acc *a, const char *t)
{
    uint64_t prev = 0;
    for (const char *p = t; *p;) {
        if (!is_word_byte((unsigned char)*p)) {
            if (*p != ' ' && *p != '-' && *p != '\'')
                prev = 0; /* punctuation parts the words */
            p++;
            continue;
        }
        const char *s = p;
        bool digits = true;
        while (*p && (is_word_byte((unsigned char)*p) ||
                      ((*p == '-' || *p == '\'' || *p == '.' || *p == ',') && p > s &&
                       is_word_byte((unsigned char)p[1])))) {
            if (!(*p >= '0' && *p <= '9') && *p != '.' && *p != ',')
                digits = false;
            p++;
        }
        add_word(a, s, (size_t)(p - s), digits, false, &prev);
    }
}

/* Does the text name a year ("2009", "'09" is not enough)? */
static bool names_year(const char *q, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if ((i > 0 && q[i - 1] >= '0' && q[i - 1] <= '9') || (i + 4 < n && q[i + 4] >= '0' && q[i + 4] <= '9'))
            continue;
        if ((q[i] == '1' && q[i + 1] == '9') || (q[i] == '2' && q[i + 1] == '0'))
            if (q[i + 2] >= '0' && q[i + 2] <= '9' && q[i + 3] >= '0' && q[i + 3] <= '9')
                return true;
    }
    return false;
}

/* The dates the text states with their year ("on 3 May 2009", "in May
 * 2009", "in 2009"): each a year, month (0 for none) and day (0 for none)
 * packed as sr_cterm_date, distinct, the latest SR_CTERM_DATES; their
 * number.  Relative days ("Friday") are left out: without the article's
 * own date nothing fixes their year. */
static size_t stated_dates(const sitrep_doc *doc, uint32_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < sitrep_doc_time_count(doc); k++) {
        sitrep_time t;
        sitrep_doc_time(doc, k, &t);
        if (t.kind != SITREP_TIME_DATE || !t.from[0])
            continue;
        unsigned y = 0, m = 0, dd = 0;
        if (sscanf(t.from, "%4u-%2u-%2u", &y, &m, &dd) != 3 || y < 1 || y > 4000)
            continue;
        if (t.precision == SITREP_PRECISION_YEAR)
            m = dd = 0;
        else if (t.precision == SITREP_PRECISION_MONTH)
            dd = 0;
        else if (t.precision != SITREP_PRECISION_DAY)
            continue;
        if (!names_year(doc->src + t.span.start, t.span.end - t.span.start))
            continue;
        uint32_t v = sr_cterm_date(y, m, dd);
        size_t i = 0;
        while (i < n && out[i] > v)
            i++;
        if (i < n && out[i] == v)
            continue;
        if (i >= SR_CTERM_DATES)
            continue;
        if (n == SR_CTERM_DATES)
            n--;
        memmove(out + i + 1, out + i, (n - i) * sizeof *out);
        out[i] = v;
        n++;
    }
    return n;
}

/* The countries ("\x01" and the ISO 3166-1 code) of the places and
 * nationalities the document names and the provinces ("\x02" and the ISO
 * 3166-2 code) of its places, each once: a document about one province
 * names it in several ways, and a country many documents share is weak
 * evidence (its IDF says how weak).  The leading byte keeps them apart
 * from every word. */
static void add_places(term_acc *a, const sitrep_doc *doc)
{
    size_t ne = sitrep_doc_entity_count(doc);
    for (size_t i = 0; i < ne; i++) {
        sitrep_entity e;
        if (sitrep_doc_entity(doc, i, &e) != SITREP_OK ||
            (e.kind != SITREP_ENTITY_PLACE && e.kind != SITREP_ENTITY_NATIONALITY) || !e.country ||
            strlen(e.country) != 2)
            continue;
        char key[24] = {'\x01', e.country[0], e.country[1]};
        term_once(a, sr_word_hash(key, 3));
        size_t n = e.admin1_code ? strlen(e.admin1_code) : 0;
        if (e.kind == SITREP_ENTITY_PLACE && n && n < sizeof key - 1) {
            key[0] = '\x02';
            memcpy(key + 1, e.admin1_code, n);
            term_once(a, sr_word_hash(key, n + 1));
        }
    }
}

sitrep_status sr_cluster_add(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc)
{
    term_acc *a = c->mem->calloc(1, sizeof *a);
    if (!a)
        return SITREP_ENOMEM;
    a->cap = sr_story_rules_default.terms_cap;
    if (a->cap > TERM_SLOTS / 2)
        a->cap = TERM_SLOTS / 2;
    if (doc->title)
        add_title(a, doc->title);
    size_t nt;
    const sitrep_token *t = sitrep_doc_tokens(doc, &nt);
    uint64_t prev = 0;
    for (size_t i = 0; i < nt; i++) {
        if (t[i].flags & SITREP_TOKF_SENT_START)
            prev = 0;
        if (t[i].kind != SITREP_TOK_WORD && t[i].kind != SITREP_TOK_NUMBER) {
            prev = 0;
            continue;
        }
        bool name = t[i].kind == SITREP_TOK_WORD && (t[i].flags & SITREP_TOKF_CAP) &&
                    !(t[i].flags & (SITREP_TOKF_SENT_START | SITREP_TOKF_ALLCAPS));
        add_word(a, doc->src + t[i].start, t[i].end - t[i].start, t[i].kind == SITREP_TOK_NUMBER, name, &prev);
    }
    add_places(a, doc);
    sr_cdoc *x = &SR_VEC_AT(&c->docs, sr_cdoc, d);
    sr_minhash_doc(doc, &x->sig);
    x->terms0 = (uint32_t)SR_VEC_COUNT(&c->terms, sr_cterm);
    sitrep_status st = SITREP_OK;
    for (unsigned i = 0; i < a->n && st == SITREP_OK; i++) {
        sr_cterm ct = {a->hash[i], a->count[i]};
        if (!SR_VEC_PUSH(&c->terms, sr_cterm, ct))
            st = SITREP_ENOMEM;
    }
    /* then the dates its text states with their year, the latest first */
    uint32_t when[SR_CTERM_DATES];
    size_t nw = stated_dates(doc, when);
    for (size_t i = 0; i < nw && st == SITREP_OK; i++) {
        sr_cterm ct = {0, SR_CTERM_DATE | when[i]};
        if (!SR_VEC_PUSH(&c->terms, sr_cterm, ct))
            st = SITREP_ENOMEM;
    }
    x = &SR_VEC_AT(&c->docs, sr_cdoc, d);
    x->terms1 = (uint32_t)SR_VEC_COUNT(&c->terms, sr_cterm);
    c->mem->free(a);
    return st;
}
