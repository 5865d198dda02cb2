/*
 * stories_baseline.c -- the textbook story clustering sitrep's stories are
 * measured against: TF-IDF vectors of content words, cosine similarity,
 * single link at a threshold (0.3).
 *
 *   stories_baseline extract FILE.jsonl
 *
 * Reads JSON Lines records with an `id`, a `text` and an optional `title`
 * (the dev sets' docs.jsonl) and writes one `document` record per input
 * record with its `story`, the form `sitrep extract` writes, so that
 * ../shared/tools/score-stories scores it with `--run` like sitrep
 * (bench/stories_run.sh prints both).  Nothing of sitrep's analysis is
 * used: words are runs of letters (ASCII folded to lower case, bytes of
 * UTF-8 sequences kept), digits and inner apostrophes, hyphens and dots;
 * content words are those of two or more letters outside the closed-class
 * words of data/function-words.txt (the path is compiled in).  A word's
 * weight is its count times ln(N / df), each vector scaled to length 1;
 * two documents whose cosine reaches the threshold (environment
 * STORIES_BASELINE_COSINE, default 0.3) are one story, and stories are
 * the connected components (union-find).  Candidate pairs come from an
 * inverted index of the words, so every pair with a word in common is
 * compared once: fine for the dev sets, quadratic for a large corpus (that
 * is sitrep's job, not this benchmark's).
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef STORIES_STOPWORDS
#define STORIES_STOPWORDS "data/function-words.txt"
#endif

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("stories_baseline: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* ---- words: an open-addressing table of strings ---- */

typedef struct vocab {
    char **words;  /* by id */
    uint32_t *df;  /* by id */
    uint32_t *ids; /* slot -> id + 1 */
    size_t nslots, n;
} vocab;

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The id of s[0..n), added when new if `add`, else UINT32_MAX. */
static uint32_t vocab_id(vocab *v, const char *s, size_t n, bool add)
{
    if ((v->n + 1) * 2 > v->nslots) {
        size_t m = v->nslots ? v->nslots * 2 : 1 << 12;
        uint32_t *ids = calloc(m, sizeof *ids);
        if (!ids)
            exit(2);
        for (size_t i = 0; i < v->nslots; i++)
            if (v->ids[i]) {
                const char *w = v->words[v->ids[i] - 1];
                size_t k = hash_str(w, strlen(w)) & (m - 1);
                while (ids[k])
                    k = (k + 1) & (m - 1);
                ids[k] = v->ids[i];
            }
        free(v->ids);
        v->ids = ids;
        v->nslots = m;
    }
    size_t k = hash_str(s, n) & (v->nslots - 1);
    for (; v->ids[k]; k = (k + 1) & (v->nslots - 1)) {
        const char *w = v->words[v->ids[k] - 1];
        if (strlen(w) == n && memcmp(w, s, n) == 0)
            return v->ids[k] - 1;
    }
    if (!add)
        return UINT32_MAX;
    v->words = xrealloc(v->words, (v->n + 1) * sizeof *v->words);
    v->words[v->n] = strndup(s, n);
    v->df = xrealloc(v->df, (v->n + 1) * sizeof *v->df);
    v->df[v->n] = 0;
    v->ids[k] = (uint32_t)++v->n;
    return (uint32_t)(v->n - 1);
}

/* ---- documents ---- */

typedef struct term {
    uint32_t id;
    double w;
} term;

typedef struct doc {
    char *id;
    term *t;
    size_t n;
} doc;

static int cmp_term(const void *a, const void *b)
{
    const term *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

static bool letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool wordish(unsigned char c)
{
    return letter(c) || (c >= '0' && c <= '9');
}

/* The content words of s into d's terms (each occurrence; merged later). */
static void add_words(vocab *v, vocab *stop, const char *s, doc *d)
{
    char w[256];
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (!wordish(*p)) {
            p++;
            continue;
        }
        const unsigned char *q = p;
        size_t n = 0, letters = 0;
        while (*q && (wordish(*q) || ((*q == '\'' || *q == '-' || *q == '.') && q > p && wordish(q[1])))) {
            if (n < sizeof w)
                w[n++] = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
            letters += letter(*q);
            q++;
        }
        p = q;
        if (letters < 2 || n >= sizeof w || (stop->n && vocab_id(stop, w, n, false) != UINT32_MAX))
            continue;
        d->t = xrealloc(d->t, (d->n + 1) * sizeof *d->t);
        d->t[d->n++] = (term){vocab_id(v, w, n, true), 1};
    }
}

/* Counts merged, document frequencies counted. */
static void finish_doc(vocab *v, doc *d)
{
    qsort(d->t, d->n, sizeof *d->t, cmp_term);
    size_t m = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (m && d->t[m - 1].id == d->t[i].id)
            d->t[m - 1].w += 1;
        else
            d->t[m++] = d->t[i];
    }
    d->n = m;
    for (size_t i = 0; i < m; i++)
        v->df[d->t[i].id]++;
}

static uint32_t find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

int main(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "extract") != 0) {
        fputs("usage: stories_baseline extract FILE.jsonl\n", stderr);
        return 2;
    }
    const char *th_env = getenv("STORIES_BASELINE_COSINE");
    double threshold = th_env ? atof(th_env) : 0.3;
    vocab stop = {0}, v = {0};
    FILE *f = fopen(STORIES_STOPWORDS, "r");
    char line[1 << 12];
    if (f) {
        while (fgets(line, sizeof line, f)) {
            size_t n = strcspn(line, "\r\n#");
            while (n && line[n - 1] == ' ')
                n--;
            if (n)
                vocab_id(&stop, line, n, true);
        }
        fclose(f);
    } else {
        fprintf(stderr, "stories_baseline: no stop words (%s): every word counts\n", STORIES_STOPWORDS);
    }
    doc *docs = NULL;
    size_t nd = 0;
    f = fopen(argv[2], "r");
    if (!f) {
        fprintf(stderr, "stories_baseline: cannot read %s\n", argv[2]);
        return 2;
    }
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&buf, &cap, f)) > 0) {
        json_error_t err;
        json_t *o = json_loadb(buf, (size_t)got, 0, &err);
        const char *id = o ? json_string_value(json_object_get(o, "id")) : NULL;
        if (id) {
            docs = xrealloc(docs, (nd + 1) * sizeof *docs);
            doc *d = &docs[nd++];
            memset(d, 0, sizeof *d);
            d->id = strdup(id);
            const char *title = json_string_value(json_object_get(o, "title"));
            const char *text = json_string_value(json_object_get(o, "text"));
            if (title)
                add_words(&v, &stop, title, d);
            if (text)
                add_words(&v, &stop, text, d);
            finish_doc(&v, d);
        }
        json_decref(o);
    }
    free(buf);
    fclose(f);
    /* weights and lengths */
    for (size_t i = 0; i < nd; i++) {
        double norm = 0;
        for (size_t k = 0; k < docs[i].n; k++) {
            term *t = &docs[i].t[k];
            t->w *= log((double)nd / v.df[t->id]);
            norm += t->w * t->w;
        }
        norm = norm > 0 ? sqrt(norm) : 1;
        for (size_t k = 0; k < docs[i].n; k++)
            docs[i].t[k].w /= norm;
    }
    /* the inverted index: documents of each word */
    size_t *off = calloc(v.n + 1, sizeof *off);
    for (size_t i = 0; i < nd; i++)
        for (size_t k = 0; k < docs[i].n; k++)
            off[docs[i].t[k].id + 1]++;
    for (size_t w = 0; w < v.n; w++)
        off[w + 1] += off[w];
    uint32_t *post = calloc(off[v.n] + 1, sizeof *post);
    size_t *fill = calloc(v.n + 1, sizeof *fill);
    double *acc = calloc(nd + 1, sizeof *acc);
    uint32_t *touched = calloc(nd + 1, sizeof *touched), *parent = calloc(nd + 1, sizeof *parent);
    for (size_t i = 0; i < nd; i++)
        for (size_t k = 0; k < docs[i].n; k++)
            post[off[docs[i].t[k].id] + fill[docs[i].t[k].id]++] = (uint32_t)i;
    for (size_t i = 0; i < nd; i++)
        parent[i] = (uint32_t)i;
    /* each document against the later ones sharing a word */
    for (size_t i = 0; i < nd; i++) {
        size_t nt = 0;
        for (size_t k = 0; k < docs[i].n; k++) {
            const term *t = &docs[i].t[k];
            for (size_t e = off[t->id]; e < off[t->id + 1]; e++) {
                uint32_t j = post[e];
                if (j <= i)
                    continue;
                if (acc[j] == 0)
                    touched[nt++] = j;
                /* the other document's weight of this word */
                const term *o = docs[j].t;
                size_t lo = 0, hi = docs[j].n;
                while (lo < hi) {
                    size_t m = (lo + hi) / 2;
                    if (o[m].id < t->id)
                        lo = m + 1;
                    else
                        hi = m;
                }
                acc[j] += t->w * o[lo].w;
            }
        }
        for (size_t k = 0; k < nt; k++) {
            uint32_t j = touched[k];
            if (acc[j] >= threshold) {
                uint32_t a = find(parent, (uint32_t)i), b = find(parent, j);
                if (a != b)
                    parent[a > b ? a : b] = a < b ? a : b;
            }
            acc[j] = 0;
        }
    }
    for (size_t i = 0; i < nd; i++) {
        json_t *o = json_pack("{s:s, s:s, s:s}", "type", "document", "id", docs[i].id, "story",
                              docs[find(parent, (uint32_t)i)].id);
        char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
        if (s)
            printf("%s\n", s);
        free(s);
        json_decref(o);
    }
    return 0;
}
